package dev.snow.ref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a user sees for help, version and mistakes: one clear line, exit status 2 (1 for runtime failures). */
class CliUsageTest {
    @TempDir
    Path dir;

    @Test
    void help_lists_the_options_and_exit_codes() {
        CliRun cli = CliRun.of();

        assertThat(cli.run("--help")).isZero();

        assertThat(cli.out()).contains("--name", "--cookie-file", "--generate-cookie", "--allow-weak-cookie",
                "--max-pending-per-source", "--auth-failures", "--auth-backoff", "--connect", "--heartbeat-interval", "--handshake-timeout",
                "--max-node-id", "--max-pending-handshakes", "--creation", "--state-file", "--listen", "--tls-provider",
                "--adapter", "Exit codes:", "0   normal stop", "1   runtime failure", "2   usage error");
        assertThat(cli.out()).doesNotContain("--fault");
    }

    @Test
    void version_names_the_adapter_contract() {
        CliRun cli = CliRun.of();
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).startsWith("snow-node ").contains("adapter contract 1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no name                 | --cookie x                                                  | --name is required",
        "no cookie               | --name a@127.0.0.1                                          | exactly one of --cookie-file",
        "two cookies             | --name a@127.0.0.1 --cookie x --cookie-file /nonexistent     | exactly one of --cookie-file",
        "bad name                | --name a@ --cookie x                                        | --name: NAME-1",
        "bad duration            | --name a@h --cookie x --heartbeat-interval 10               | needs a unit",
        "zero duration           | --name a@h --cookie x --handshake-timeout 0s                | longer than zero",
        "bad provider            | --name a@h --cookie x --tls-provider gnutls                 | jdk or openssl",
        "bad profile             | --name a@h --cookie x --profile paranoid                    | HARD-1: unknown profile \"paranoid\"",
        "adapter with a profile  | --adapter --profile hardened                                | only --tls-provider may be combined",
        "bad creation            | --name a@h --cookie x --creation 0                          | --creation must be 1..255",
        "bad max node id         | --name a@h --cookie x --max-node-id 70000                   | --max-node-id must be 1..65535",
        "bad listen              | --name a@h --cookie x --listen nowhere                      | --listen: address must be host:port",
        "connect to self         | --name a@127.0.0.1 --cookie x --connect a@127.0.0.1          | own name (NAME-6)",
        "connect to a bad name   | --name a@127.0.0.1 --cookie x --connect b                   | --connect: NAME-1",
        "missing cookie file     | --name a@h --cookie-file /nonexistent/cookie                | cannot read cookie file /nonexistent/cookie",
        "adapter with a name     | --adapter --name a@h                                        | only --tls-provider may be combined",
        "unknown option          | --name a@h --cookie x --frobnicate                          | Unknown option: '--frobnicate'",
        "no production fault hook | --adapter --fault accept-any-digest                        | Unknown options: '--fault'",
        "short cookie (COOKIE-1) | --name a@127.0.0.1 --cookie my-secret                       | COOKIE-1: the cookie is 9 bytes; at least 16",
        "bad per-source limit    | --name a@h --cookie x --max-pending-per-source -1            | --max-pending-per-source must be 0 (off) or more",
        "negative auth failures  | --name a@h --cookie x --auth-failures -1                    | --auth-failures must be 0 (off) or more",
        "backoff max below first | --name a@h --cookie x --auth-backoff 5s --auth-backoff-max 1s | --auth-backoff-max must be at least"})
    void a_mistake_gets_one_clear_message_and_status_2(String what, String args, String message) {
        CliRun cli = CliRun.of();

        int status = cli.run(args.trim().split("\\s+"));

        assertThat(status).as(what).isEqualTo(2);
        assertThat(cli.err()).as(what).contains(message).contains("Try 'snow-node --help'");
        assertThat(cli.err()).as(what).doesNotContain("\tat ");
        assertThat(cli.out()).as(what).isEmpty();
    }

    @Test
    void the_cookie_never_shows_in_an_error_message() {
        CliRun cli = CliRun.of();

        int status = cli.run("--name", "a@h", "--cookie", "s3cr3t-c00kie", "--cookiee", "s3cr3t-c00kie", "--frob=s3cr3t-c00kie");

        assertThat(status).isEqualTo(2);
        assertThat(cli.err() + cli.out()).doesNotContain("s3cr3t-c00kie");
    }

    @Test
    void an_empty_cookie_file_is_refused_naming_the_file_only() throws IOException {
        Path cookie = Files.writeString(dir.resolve("cookie"), "  \n");
        CliRun cli = CliRun.of();

        assertThat(cli.run("--name", "a@127.0.0.1", "--cookie-file", cookie.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("cookie file " + cookie + " is empty");
    }

    @Test
    void a_taken_port_is_a_runtime_failure_with_status_1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun cli = CliRun.of();

            int status = cli.run("--name", "a@127.0.0.1:" + taken.getLocalPort(), "--cookie", "c", "--allow-weak-cookie");

            assertThat(status).isEqualTo(1);
            assertThat(cli.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("Address already in use")
                    .doesNotContain("BindException").doesNotContain("Exception");
        }
    }

    @Test
    void a_missing_cookie_file_is_named_in_words_not_as_a_java_exception() {
        CliRun cli = CliRun.of();

        assertThat(cli.run("--name", "a@127.0.0.1", "--cookie-file", dir.resolve("no-such-cookie").toString())).isEqualTo(2);

        assertThat(cli.err()).contains("cannot read cookie file " + dir.resolve("no-such-cookie") + ": no such file").doesNotContain("Exception");
    }
}
