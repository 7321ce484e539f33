package dev.snow.ref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COOKIE-1 (strength) and COOKIE-2 (a private file), and --generate-cookie. */
class CookieHygieneTest {
    private static final String STRONG = "a-cookie-of-more-than-16-bytes";

    @TempDir
    Path dir;

    @Test
    void generateCookie_writes_32_random_bytes_base64url_with_mode_600() throws Exception {
        Path first = dir.resolve("c1");
        Path second = dir.resolve("c2");
        CliRun cli = CliRun.of();

        assertThat(cli.run("--generate-cookie", first.toString())).isZero();
        assertThat(CliRun.of().run("--generate-cookie", second.toString())).isZero();

        String line = Files.readString(first, StandardCharsets.US_ASCII);
        assertThat(line).matches("[A-Za-z0-9_-]{43}\n");
        assertThat(Base64.getUrlDecoder().decode(line.strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");
        assertThat(Files.readString(second)).isNotEqualTo(line);
        assertThat(cli.err()).contains("mode 600").doesNotContain(line.strip());
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void generateCookie_never_overwrites_a_file() throws Exception {
        Path existing = Files.writeString(dir.resolve("cookie"), "keep me\n");
        CliRun cli = CliRun.of();

        assertThat(cli.run("--generate-cookie", existing.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me\n");
    }

    @Test
    void a_generated_cookie_is_accepted_by_the_node() throws Exception {
        Path cookie = dir.resolve("cookie");
        assertThat(CliRun.of().run("--generate-cookie", cookie.toString())).isZero();
        CliRun cli = CliRun.of();
        cli.stop.trigger();

        assertThat(cli.run("--name", "a@127.0.0.1", "--listen", "127.0.0.1:0", "--cookie-file", cookie.toString())).isZero();

        assertThat(cli.err()).contains("listening on").doesNotContain("COOKIE-");
    }

    @Test
    void a_cookie_file_others_may_read_is_refused_naming_the_rule_and_mode() throws Exception {
        Path cookie = Files.writeString(dir.resolve("cookie"), STRONG + "\n");
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun cli = CliRun.of();

        assertThat(cli.run("--name", "a@127.0.0.1", "--listen", "127.0.0.1:0", "--cookie-file", cookie.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("COOKIE-2: cookie file " + cookie + " has mode rw-r--r--").contains("chmod 600")
                .doesNotContain(STRONG);
    }

    @Test
    void a_short_cookie_in_a_file_is_refused() throws Exception {
        Path cookie = Files.writeString(dir.resolve("cookie"), "my-secret\n");
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("rw-------"));
        CliRun cli = CliRun.of();

        assertThat(cli.run("--name", "a@127.0.0.1", "--listen", "127.0.0.1:0", "--cookie-file", cookie.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("COOKIE-1: the cookie is 9 bytes; at least 16 are required").contains("--generate-cookie")
                .doesNotContain("my-secret");
    }

    @Test
    void allowWeakCookie_lifts_both_refusals_with_warnings() throws Exception {
        Path cookie = Files.writeString(dir.resolve("cookie"), "my-secret\n");
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun cli = CliRun.of();
        cli.stop.trigger();

        int status = cli.run("--name", "a@127.0.0.1", "--listen", "127.0.0.1:0", "--cookie-file", cookie.toString(),
                "--allow-weak-cookie");

        assertThat(status).isZero();
        assertThat(cli.err()).contains("warning (--allow-weak-cookie): COOKIE-1")
                .contains("warning (--allow-weak-cookie): COOKIE-2").contains("listening on");
    }
}
