package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A started node of the implementation under test: one adapter process (one process runs one
 * node) after a successful {@code start}. Commands wait for their reply with a deadline; an
 * {@code unsupported} answer aborts the test as {@link UnsupportedByIut}; event waits search from
 * the current test's start ({@link #testMark()}) and fail with the events seen.
 */
public final class Iut implements AutoCloseable {
    private final AdapterProcess adapter;
    private final NodeOptions options;
    private final Timeouts timeouts;
    private final int port;
    private final int creation;
    private volatile int testMark;

    private Iut(AdapterProcess adapter, NodeOptions options, Timeouts timeouts, int port, int creation) {
        this.adapter = adapter;
        this.options = options;
        this.timeouts = timeouts;
        this.port = port;
        this.creation = creation;
    }

    /** Launches the implementation's adapter and starts a node with {@code options}. */
    public static Iut start(Implementation impl, String label, NodeOptions options) {
        AdapterProcess a = AdapterProcess.launch(impl.name() + "/" + label, impl.command(), impl.workdir(), impl.env(),
                impl.timeouts().ready(), List.of(options.cookie()));
        try {
            return start(a, options, impl.timeouts());
        } catch (RuntimeException e) {
            a.close(Duration.ofSeconds(2));
            throw e;
        }
    }

    /** Starts a node on an adapter that already said ready. */
    public static Iut start(AdapterProcess a, NodeOptions options, Timeouts timeouts) {
        ObjectNode cmd = a.command("start");
        options.writeTo(cmd);
        JsonNode reply;
        try {
            reply = a.call(cmd, timeouts.reply());
        } catch (AdapterErrorReply e) {
            if ("unsupported".equals(e.code())) {
                throw new UnsupportedByIut("the adapter does not support start with " + cmd.deepCopy().put("cookie", "<secret>"));
            }
            throw e;
        }
        int port = reply.path("port").asInt(-1);
        int creation = reply.path("creation").asInt(-1);
        if (port < 1 || port > 65535) {
            throw new AdapterException("the adapter's start reply has no valid port (docs/ADAPTER.md): " + reply);
        }
        return new Iut(a, options, timeouts, port, creation);
    }

    public AdapterProcess adapter() {
        return adapter;
    }

    public NodeOptions options() {
        return options;
    }

    public String name() {
        return options.name();
    }

    public String cookie() {
        return options.cookie();
    }

    /** The creation the node reported in its start reply. */
    public int creation() {
        return creation;
    }

    public int port() {
        return port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    // ------------------------------------------------------------------ commands

    /** {@code connect} to {@code node}, dialling {@code hostPort} when not null. */
    public void connect(String node, String hostPort) {
        ObjectNode cmd = adapter.command("connect").put("node", node);
        if (hostPort != null) {
            cmd.put("address", hostPort);
        }
        call(cmd);
    }

    /** {@code connect} that the adapter must refuse; returns the error code. */
    public String connectRefused(String node, String hostPort) {
        try {
            connect(node, hostPort);
        } catch (AdapterErrorReply e) {
            return e.code();
        }
        throw new AssertionError("the adapter accepted connect to \"" + node + "\" but had to refuse it");
    }

    public void disconnect(String node) {
        call(adapter.command("disconnect").put("node", node));
    }

    /** The {@code sessions} list. */
    public List<JsonNode> sessions() {
        List<JsonNode> out = new ArrayList<>();
        call(adapter.command("sessions")).path("sessions").forEach(out::add);
        return out;
    }

    /** The sessions with {@code node}. */
    public List<JsonNode> sessionsWith(String node) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : sessions()) {
            if (node.equals(s.path("node").asText())) {
                out.add(s);
            }
        }
        return out;
    }

    /** Sends a command name no adapter knows; the answer must be {@code unsupported}. */
    public JsonNode unknownCommand() {
        return adapter.request(adapter.command("frobnicate-" + UUID.randomUUID().toString().substring(0, 8)), timeouts.reply());
    }

    /** Any command; error replies become {@link AdapterErrorReply}, {@code unsupported} aborts the test. */
    public JsonNode call(ObjectNode cmd) {
        try {
            return adapter.call(cmd, timeouts.reply());
        } catch (AdapterErrorReply e) {
            if ("unsupported".equals(e.code())) {
                throw new UnsupportedByIut("the adapter answered unsupported to '" + e.command() + "'");
            }
            throw e;
        }
    }

    public void stop() {
        adapter.stopping();
        call(adapter.command("stop"));
    }

    // ------------------------------------------------------------------ events

    public EventLog events() {
        return adapter.events();
    }

    public int testMark() {
        return testMark;
    }

    /** Set by the harness when a test starts: waits look at events from here on. */
    void markTestStart() {
        testMark = adapter.events().mark();
    }

    public int mark() {
        return adapter.events().mark();
    }

    /** The first event since the test began matching {@code match}, within the event deadline. */
    public Event await(String what, Predicate<Event> match) {
        return await(testMark, what, match, timeouts.event());
    }

    public Event await(int mark, String what, Predicate<Event> match, Duration timeout) {
        Event e = adapter.events().await(mark, match, timeout);
        if (e == null) {
            throw new AssertionError("the IUT did not report " + what + " within " + timeout.toMillis() + " ms; events seen: "
                    + adapter.events().since(mark) + adapter.deathNote());
        }
        return e;
    }

    /** No event matching {@code match} since {@code mark}, waiting {@code window} for one to show up. */
    public void expectNone(int mark, String what, Predicate<Event> match, Duration window) {
        Event e = adapter.events().await(mark, match, window);
        if (e != null) {
            throw new AssertionError("the IUT reported " + what + ", which it must not: " + e);
        }
    }

    public Event awaitNodeUp(String node) {
        return await("node_up for " + node, e -> e.is("node_up") && node.equals(e.node()));
    }

    public Event awaitNodeDown(String node) {
        return await("node_down for " + node, e -> e.is("node_down") && node.equals(e.node()));
    }

    /** handshake_failed whose peer is {@code name} or, before NAME, the tester's {@code 127.0.0.1:localPort}. */
    public Event awaitHandshakeFailed(String name, int testerLocalPort) {
        return await("handshake_failed for " + name + " / 127.0.0.1:" + testerLocalPort,
                e -> e.is("handshake_failed") && peerIs(e, name, testerLocalPort));
    }

    /** True when the event's peer names {@code name} or the tester's local port. */
    public static boolean peerIs(Event e, String name, int testerLocalPort) {
        String p = e.peer();
        return p != null && (p.equals(name) || p.endsWith(":" + testerLocalPort) && !p.contains("@"));
    }

    /** Whether the adapter process still runs. */
    public boolean isAlive() {
        return adapter.isAlive();
    }

    /** Records in the run if the cookie appears in anything the adapter wrote (AUTH-7). */
    public void scanForCookie() {
        StringBuilder out = new StringBuilder();
        for (AdapterLog.Line l : adapter.log().since(0)) {
            if (l.stream() != AdapterLog.Stream.SENT) {
                out.append(l.text()).append('\n');
            }
        }
        if (out.indexOf(cookie()) >= 0) {
            RunContext.current().cookieLeak("in the output of " + adapter.label());
        }
    }

    @Override
    public void close() {
        if (adapter.isAlive()) {
            try {
                adapter.stopping();
                adapter.request(adapter.command("stop"), Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
        adapter.close(Duration.ofSeconds(5));
        scanForCookie();
    }
}
