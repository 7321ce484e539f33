package dev.snow.ref.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/ADAPTER.md: the ready line comes first; unknown commands get {@code unsupported}; a
 * malformed line gets {@code bad_request} (id null when none could be read) and the adapter
 * goes on answering.
 */
class AdapterMalformedInputTest {

    @Test
    void ready_comes_first_and_an_unknown_command_is_unsupported() throws Exception {
        try (AdapterDriver a = new AdapterDriver()) {
            JsonNode ready = a.next();
            assertThat(ready.path("event").asText()).isEqualTo("ready");
            assertThat(ready.path("implementation").asText()).isEqualTo("snow-reference");
            assertThat(ready.path("adapter").asText()).isEqualTo("1");
            assertThat(ready.path("version").asText()).isNotBlank();

            JsonNode r = a.command(1, "{\"id\":1,\"cmd\":\"frobnicate-7f3a\"}");

            assertThat(r.toString()).isEqualTo("{\"id\":1,\"reply\":\"error\",\"ok\":false,\"code\":\"unsupported\","
                    + "\"message\":\"unknown command: frobnicate-7f3a\"}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json               | hello there                              | not JSON",
        "a JSON array           | [1,2,3]                                  | not a JSON object",
        "a JSON string          | \"start\"                                | not a JSON object",
        "an empty line          | ''                                       | not a JSON object",
        "two objects            | {\"id\":1,\"cmd\":\"sessions\"} {}       | not JSON",
        "no id                  | {\"cmd\":\"sessions\"}                   | id is missing",
        "a string id            | {\"id\":\"7\",\"cmd\":\"sessions\"}      | id must be an integer, was \"7\"",
        "a fractional id        | {\"id\":1.5,\"cmd\":\"sessions\"}        | id must be an integer, was 1.5",
        "a huge id              | {\"id\":123456789012345678901234,\"cmd\":\"x\"} | id must be an integer",
        "a truncated object     | {\"id\":1,\"cmd\":\"sta                  | not JSON"})
    void a_line_without_a_usable_id_gets_bad_request_with_id_null(String what, String line, String message) throws Exception {
        try (AdapterDriver a = new AdapterDriver()) {
            a.next();

            a.send(line.equals("''") ? "" : line);
            JsonNode r = a.next();

            assertThat(r.get("id").isNull()).as(what).isTrue();
            assertThat(r.path("reply").asText()).isEqualTo("error");
            assertThat(r.path("ok").asBoolean(true)).isFalse();
            assertThat(r.path("code").asText()).isEqualTo("bad_request");
            assertThat(r.path("message").asText()).contains(message);
            // and the adapter goes on
            assertThat(a.command(2, "{\"id\":2,\"cmd\":\"nope\"}").path("code").asText()).isEqualTo("unsupported");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cmd missing              | {\"id\":4}                                                      | cmd is missing",
        "cmd not a string         | {\"id\":4,\"cmd\":5}                                            | cmd must be a string, was 5",
        "name missing             | {\"id\":4,\"cmd\":\"start\",\"cookie\":\"c\"}                   | name is missing",
        "cookie missing           | {\"id\":4,\"cmd\":\"start\",\"name\":\"a@h\"}                   | cookie is missing",
        "bad name                 | {\"id\":4,\"cmd\":\"start\",\"name\":\"a b@h\",\"cookie\":\"c\"} | name: NAME-1",
        "port as text             | {\"id\":4,\"cmd\":\"start\",\"name\":\"a@h\",\"cookie\":\"c\",\"port\":\"x\"} | port must be an integer 0..65535, was \"x\"",
        "port too big             | {\"id\":4,\"cmd\":\"start\",\"name\":\"a@h\",\"cookie\":\"c\",\"port\":70000} | port must be an integer 0..65535, was 70000",
        "creation 0               | {\"id\":4,\"cmd\":\"start\",\"name\":\"a@h\",\"cookie\":\"c\",\"creation\":0} | creation must be an integer 1..255, was 0",
        "negative heartbeat       | {\"id\":4,\"cmd\":\"start\",\"name\":\"a@h\",\"cookie\":\"c\",\"heartbeat_interval_ms\":-1} | heartbeat_interval_ms must be an integer",
        "max_node_id 0            | {\"id\":4,\"cmd\":\"start\",\"name\":\"a@h\",\"cookie\":\"c\",\"max_node_id\":0} | max_node_id must be an integer 1..65535, was 0",
        "cookie of wrong type     | {\"id\":4,\"cmd\":\"start\",\"name\":\"a@h\",\"cookie\":42}     | cookie must be a string, was a number (value not shown)",
        "unknown profile          | {\"id\":4,\"cmd\":\"start\",\"name\":\"a@h\",\"cookie\":\"c\",\"profile\":\"paranoid\"} | profile: HARD-1: unknown profile \"paranoid\""})
    void a_bad_field_gets_bad_request_naming_the_field_and_the_value(String what, String line, String message)
            throws Exception {
        try (AdapterDriver a = new AdapterDriver()) {
            a.next();

            JsonNode r = a.command(4, line);

            assertThat(r.path("code").asText()).as(what).isEqualTo("bad_request");
            assertThat(r.path("message").asText()).as(what).contains(message);
        }
    }

    @Test
    void a_line_longer_than_the_limit_is_refused_and_the_next_line_is_read() throws Exception {
        try (AdapterDriver a = new AdapterDriver()) {
            a.next();
            byte[] huge = new byte[LineReader.MAX_LINE + 10];
            Arrays.fill(huge, (byte) 'x');

            a.sendRaw(huge);
            a.sendRaw("\n{\"id\":9,\"cmd\":\"sessions\"}\n".getBytes(StandardCharsets.UTF_8));

            JsonNode r = a.next();
            assertThat(r.path("code").asText()).isEqualTo("bad_request");
            assertThat(r.path("message").asText()).contains("longer than");
            assertThat(a.reply(9).path("code").asText()).isEqualTo("not_started");
        }
    }

    @Test
    void commands_before_start_are_not_started_and_start_twice_is_already_started() throws Exception {
        try (AdapterDriver a = new AdapterDriver()) {
            a.next();
            for (String cmd : new String[] {"connect", "disconnect", "sessions", "stop", "time_compare"}) {
                JsonNode r = a.command(1, "{\"id\":1,\"cmd\":\"" + cmd + "\",\"node\":\"b@h\"}");
                assertThat(r.path("code").asText()).as(cmd).isEqualTo("not_started");
            }
            JsonNode started = a.command(2, "{\"id\":2,\"cmd\":\"start\",\"name\":\"a@127.0.0.1\",\"cookie\":\"c\",\"port\":0}");
            assertThat(started.path("ok").asBoolean()).isTrue();

            JsonNode again = a.command(3, "{\"id\":3,\"cmd\":\"start\",\"name\":\"a@127.0.0.1\",\"cookie\":\"c\",\"port\":0}");

            assertThat(again.path("code").asText()).isEqualTo("already_started");
            assertThat(a.command(4, "{\"id\":4,\"cmd\":\"stop\"}").path("ok").asBoolean()).isTrue();
            assertThat(a.exitStatus()).isZero();
        }
    }
}
