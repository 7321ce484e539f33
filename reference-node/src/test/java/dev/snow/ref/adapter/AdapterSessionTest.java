package dev.snow.ref.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A scripted adapter session (docs/ADAPTER.md, "A whole session") between two reference
 * adapters in this JVM: start, connect through the address override, node_up on both sides,
 * sessions, the connect refusals, disconnect (events before the reply), stop, end of input.
 */
class AdapterSessionTest {

    private static String start(String name, String cookie) {
        return "{\"id\":1,\"cmd\":\"start\",\"name\":\"" + name + "\",\"cookie\":\"" + cookie
                + "\",\"host\":\"127.0.0.1\",\"port\":0,\"creation\":7,\"heartbeat_interval_ms\":60000,"
                + "\"heartbeat_timeout_ms\":15000,\"handshake_timeout_ms\":7000,\"max_node_id\":65535,"
                + "\"max_pending_handshakes\":64,\"some_future_field\":true}";
    }

    @Test
    void a_whole_session_between_two_adapters() throws Exception {
        try (AdapterDriver iut = new AdapterDriver(); AdapterDriver tester = new AdapterDriver()) {
            iut.next();
            tester.next();
            JsonNode iutStarted = iut.command(1, start("iut@127.0.0.1", "c00kie"));
            JsonNode testerStarted = tester.command(1, start("tester@127.0.0.1:45001", "c00kie"));
            assertThat(iutStarted.path("ok").asBoolean()).isTrue();
            assertThat(iutStarted.path("port").asInt()).isPositive();
            assertThat(iutStarted.path("creation").asInt()).isEqualTo(7);
            int testerPort = testerStarted.path("port").asInt();

            JsonNode connected = iut.command(3, "{\"id\":3,\"cmd\":\"connect\",\"node\":\"tester@127.0.0.1:45001\","
                    + "\"address\":\"127.0.0.1:" + testerPort + "\"}");

            assertThat(connected.toString()).isEqualTo("{\"id\":3,\"reply\":\"connect\",\"ok\":true}");
            JsonNode up = iut.awaitEvent(e -> e.path("event").asText().equals("node_up"));
            assertThat(up.toString()).isEqualTo("{\"event\":\"node_up\",\"node\":\"tester@127.0.0.1:45001\","
                    + "\"node_id\":1,\"creation\":7,\"direction\":\"outgoing\"}");
            JsonNode upThere = tester.awaitEvent(e -> e.path("event").asText().equals("node_up"));
            assertThat(upThere.path("node").asText()).isEqualTo("iut@127.0.0.1");
            assertThat(upThere.path("direction").asText()).isEqualTo("incoming");

            JsonNode sessions = iut.command(4, "{\"id\":4,\"cmd\":\"sessions\"}");
            assertThat(sessions.toString()).isEqualTo("{\"id\":4,\"reply\":\"sessions\",\"ok\":true,\"sessions\":["
                    + "{\"node\":\"tester@127.0.0.1:45001\",\"node_id\":1,\"creation\":7,\"direction\":\"outgoing\"}]}");

            assertThat(code(iut.command(5, "{\"id\":5,\"cmd\":\"connect\",\"node\":\"tester@127.0.0.1:45001\"}")))
                    .isEqualTo("already_connected");
            assertThat(code(iut.command(6, "{\"id\":6,\"cmd\":\"connect\",\"node\":\"iut@127.0.0.1\"}"))).isEqualTo("self");
            assertThat(code(iut.command(7, "{\"id\":7,\"cmd\":\"connect\",\"node\":\"no-at-sign\"}"))).isEqualTo("invalid_name");
            assertThat(code(iut.command(8, "{\"id\":8,\"cmd\":\"connect\",\"node\":\"x@h\",\"address\":\"h:0\"}")))
                    .isEqualTo("bad_request");
            assertThat(code(iut.command(9, "{\"id\":9,\"cmd\":\"disconnect\",\"node\":\"nobody@127.0.0.1\"}")))
                    .isEqualTo("not_connected");

            // the reply to disconnect follows the node_down it caused
            iut.send("{\"id\":10,\"cmd\":\"disconnect\",\"node\":\"tester@127.0.0.1:45001\"}");
            JsonNode down = iut.next();
            assertThat(down.toString()).startsWith("{\"event\":\"node_down\",\"node\":\"tester@127.0.0.1:45001\","
                    + "\"node_id\":1,\"reason\":\"disconnect\"");
            assertThat(iut.next().toString()).isEqualTo("{\"id\":10,\"reply\":\"disconnect\",\"ok\":true}");
            JsonNode downThere = tester.awaitEvent(e -> e.path("event").asText().equals("node_down"));
            assertThat(downThere.path("reason").asText()).isEqualTo("closed");

            // a second connect, then stop: node_down disconnect comes before the stop reply
            iut.command(11, "{\"id\":11,\"cmd\":\"connect\",\"node\":\"tester@127.0.0.1:45001\","
                    + "\"address\":\"127.0.0.1:" + testerPort + "\"}");
            JsonNode upAgain = iut.awaitEvent(e -> e.path("event").asText().equals("node_up"));
            assertThat(upAgain.path("node_id").asInt()).isEqualTo(2);
            iut.send("{\"id\":12,\"cmd\":\"stop\"}");
            assertThat(iut.next().path("reason").asText()).isEqualTo("disconnect");
            assertThat(iut.next().toString()).isEqualTo("{\"id\":12,\"reply\":\"stop\",\"ok\":true}");
            assertThat(iut.exitStatus()).isZero();

            // end of input stops the other one as stop would
            tester.closeInput();
            assertThat(tester.exitStatus()).isZero();
            assertThat(iut.transcript()).noneMatch(l -> l.startsWith("<") && l.contains("c00kie"));
            assertThat(tester.transcript()).noneMatch(l -> l.startsWith("<") && l.contains("c00kie"));
        }
    }

    @Test
    void a_wrong_cookie_gives_cookie_mismatch_at_the_acceptor_and_no_node_up() throws Exception {
        try (AdapterDriver iut = new AdapterDriver(); AdapterDriver tester = new AdapterDriver()) {
            iut.next();
            tester.next();
            iut.command(1, start("iut@127.0.0.1", "right"));
            int port = tester.command(1, start("tester@127.0.0.1", "wrong")).path("port").asInt();

            iut.command(2, "{\"id\":2,\"cmd\":\"connect\",\"node\":\"tester@127.0.0.1\",\"address\":\"127.0.0.1:" + port + "\"}");

            JsonNode failed = tester.awaitEvent(e -> e.path("event").asText().equals("handshake_failed"));
            assertThat(failed.path("reason").asText()).isEqualTo("cookie_mismatch");
            assertThat(failed.path("peer").asText()).isEqualTo("iut@127.0.0.1");
            assertThat(failed.path("direction").asText()).isEqualTo("incoming");
            JsonNode failedHere = iut.awaitEvent(e -> e.path("event").asText().equals("handshake_failed"));
            assertThat(failedHere.path("direction").asText()).isEqualTo("outgoing");
            assertThat(iut.command(3, "{\"id\":3,\"cmd\":\"sessions\"}").path("sessions")).isEmpty();
            assertThat(iut.keptEvents()).noneMatch(e -> e.path("event").asText().equals("node_up"));
            assertThat(tester.keptEvents()).noneMatch(e -> e.path("event").asText().equals("node_up"));
        }
    }

    @Test
    void an_incoming_failure_without_a_name_reports_the_remote_address() throws Exception {
        try (AdapterDriver iut = new AdapterDriver()) {
            iut.next();
            int port = iut.command(1, start("iut@127.0.0.1", "c")).path("port").asInt();

            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                JsonNode failed = iut.awaitEvent(e -> e.path("event").asText().equals("handshake_failed"));
                assertThat(failed.path("peer").asText()).isEqualTo("127.0.0.1:" + s.getLocalPort());
                assertThat(failed.path("reason").asText()).isEqualTo("tls");
                assertThat(failed.path("detail").asText()).contains("TLS-1");
            }
        }
    }

    @Test
    void a_taken_port_makes_start_fail_with_a_reason_and_the_adapter_goes_on() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             AdapterDriver iut = new AdapterDriver()) {
            iut.next();

            JsonNode r = iut.command(1, "{\"id\":1,\"cmd\":\"start\",\"name\":\"iut@127.0.0.1\",\"cookie\":\"c\","
                    + "\"port\":" + taken.getLocalPort() + "}");

            assertThat(code(r)).isEqualTo("failed");
            assertThat(r.path("message").asText()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(iut.command(2, "{\"id\":2,\"cmd\":\"start\",\"name\":\"iut@127.0.0.1\",\"cookie\":\"c\","
                    + "\"port\":0}").path("ok").asBoolean()).isTrue();
        }
    }

    private static String code(JsonNode reply) {
        return reply.path("code").asText();
    }
}
