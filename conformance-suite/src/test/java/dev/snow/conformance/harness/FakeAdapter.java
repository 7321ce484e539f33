package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A fake adapter process for the harness's own tests (no node behind it). {@code args[0]} picks
 * a behaviour: good, never-ready, not-json, wrong-version, exit, no-reply, leaky.
 */
public final class FakeAdapter {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "good";
        switch (mode) {
            case "never-ready":
                drain();
                return;
            case "not-json":
                System.out.println("hello, I am not JSON");
                System.out.flush();
                drain();
                return;
            case "wrong-version":
                System.out.println("{\"event\":\"ready\",\"implementation\":\"fake\",\"version\":\"0\",\"adapter\":\"2\"}");
                System.out.flush();
                drain();
                return;
            case "exit":
                System.err.println("fake adapter: cannot start, giving up");
                System.exit(3);
                return;
            default:
                break;
        }
        System.out.println("{\"event\":\"ready\",\"implementation\":\"fake\",\"version\":\"0.0.1\",\"adapter\":\"1\"}");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode cmd = JSON.readTree(line);
            System.err.println("fake adapter got " + cmd.path("cmd").asText());
            if ("no-reply".equals(mode)) {
                continue;
            }
            ObjectNode reply = JSON.createObjectNode().put("id", cmd.path("id").asInt());
            switch (cmd.path("cmd").asText()) {
                case "start":
                    if ("leaky".equals(mode)) {
                        System.err.println("starting with cookie " + cmd.path("cookie").asText());
                    }
                    reply.put("reply", "start").put("ok", true).put("port", 40001).put("creation", cmd.path("creation").asInt(9));
                    break;
                case "connect":
                    reply.put("reply", "connect").put("ok", true);
                    System.out.println(reply);
                    reply = JSON.createObjectNode().put("event", "node_up").put("node", cmd.path("node").asText())
                            .put("node_id", 1).put("creation", 3).put("direction", "outgoing");
                    break;
                case "sessions":
                    reply.put("reply", "sessions").put("ok", true).putArray("sessions");
                    break;
                case "stop":
                    reply.put("reply", "stop").put("ok", true);
                    System.out.println(reply);
                    System.out.flush();
                    return;
                default:
                    reply.put("reply", "error").put("ok", false).put("code", "unsupported")
                            .put("message", "unknown command: " + cmd.path("cmd").asText());
            }
            System.out.println(reply);
            System.out.flush();
        }
    }

    private static void drain() throws Exception {
        while (System.in.read() >= 0) {
            // wait for EOF
        }
    }

    /** The shell command that runs this fake adapter in {@code mode}. */
    static String command(String mode) {
        String java = System.getProperty("java.home") + "/bin/java";
        return "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + FakeAdapter.class.getName() + " " + mode;
    }
}
