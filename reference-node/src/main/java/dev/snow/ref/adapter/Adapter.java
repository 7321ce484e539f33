package dev.snow.ref.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.ref.node.ConnectResult;
import dev.snow.ref.node.SessionInfo;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.transport.HostPort;
import dev.snow.ref.transport.NodeSettings;
import dev.snow.ref.transport.NodeStartException;
import dev.snow.ref.transport.SnowNode;
import dev.snow.ref.transport.TlsProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.UnaryOperator;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference node's side of docs/ADAPTER.md: reads commands from {@code in} one line at a
 * time, answers each with exactly one reply in order, and writes node events as they happen.
 * {@link #run()} returns the exit status once {@code stop} was answered or input ended.
 */
public final class Adapter {
    private static final Logger LOG = LoggerFactory.getLogger(Adapter.class);

    private final LineReader in;
    private final JsonLines out;
    private final TlsProvider tls;
    private final UnaryOperator<NodeConfig.Builder> configSeam;
    private final AdapterVariant variant;
    private SnowNode node;

    public Adapter(InputStream in, PrintStream out, TlsProvider tls) {
        this(in, out, tls, AdapterVariant.REAL, UnaryOperator.identity());
    }

    /**
     * With a seam on every started node's settings: test-scope mutants (the hardened binding
     * mutants) plant their defect here; production passes the identity.
     */
    public Adapter(InputStream in, PrintStream out, TlsProvider tls, UnaryOperator<NodeConfig.Builder> configSeam) {
        this(in, out, tls, AdapterVariant.REAL, configSeam);
    }

    /** With a variant that builds the node differently (conformance mutants, docs/MUTATION.md). */
    public Adapter(InputStream in, PrintStream out, TlsProvider tls, AdapterVariant variant) {
        this(in, out, tls, variant, UnaryOperator.identity());
    }

    private Adapter(InputStream in, PrintStream out, TlsProvider tls, AdapterVariant variant,
                    UnaryOperator<NodeConfig.Builder> configSeam) {
        this.variant = variant;
        this.in = new LineReader(in);
        this.out = new JsonLines(out);
        this.tls = tls;
        this.configSeam = configSeam;
    }

    /** Speaks the contract until {@code stop} or end of input; returns the exit status (0). */
    public int run() throws IOException {
        out.write(ready());
        while (true) {
            String line = in.readLine();
            if (line == null) {
                LOG.info("end of input: stopping");
                stopNode();
                return 0;
            }
            if (handle(line)) {
                return 0;
            }
        }
    }

    private ObjectNode ready() {
        ObjectNode o = JsonLines.object();
        o.put("event", "ready");
        String name = Implementation.NAME;
        if (variant.label() != null) {
            name += " [mutant: " + variant.label() + "]";
        }
        o.put("implementation", name);
        o.put("version", Implementation.version());
        o.put("adapter", Implementation.ADAPTER_VERSION);
        return o;
    }

    /** Answers one line; true when the adapter must exit. */
    boolean handle(String line) {
        if (line == LineReader.TOO_LONG) {
            out.write(error(null, "bad_request", "line longer than " + LineReader.MAX_LINE + " bytes"));
            return false;
        }
        ObjectNode command;
        try {
            JsonNode parsed = JsonLines.MAPPER.readTree(line);
            if (parsed == null || !parsed.isObject()) {
                out.write(error(null, "bad_request", "the line is not a JSON object"));
                return false;
            }
            command = (ObjectNode) parsed;
        } catch (JsonProcessingException e) {
            out.write(error(null, "bad_request", "the line is not JSON: " + e.getOriginalMessage()));
            return false;
        }
        JsonNode idNode = command.get("id");
        if (idNode == null || idNode.isNull()) {
            out.write(error(null, "bad_request", "id is missing"));
            return false;
        }
        if (!idNode.isIntegralNumber() || !idNode.canConvertToLong()) {
            out.write(error(null, "bad_request", "id must be an integer, was " + Fields.shown("id", idNode)));
            return false;
        }
        long id = idNode.longValue();
        JsonNode cmd = command.get("cmd");
        if (cmd == null || !cmd.isTextual()) {
            out.write(error(id, "bad_request", cmd == null ? "cmd is missing" : "cmd must be a string, was " + cmd));
            return false;
        }
        boolean exit = false;
        ObjectNode reply;
        try {
            exit = cmd.textValue().equals("stop");
            reply = dispatch(id, cmd.textValue(), new Fields(command));
        } catch (CommandError e) {
            exit = false;
            reply = error(id, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("command {} failed", cmd.textValue(), e);
            exit = false;
            reply = error(id, "failed", "internal error: " + e);
        }
        if (reply != null) {
            out.write(reply);
        }
        return exit;
    }

    /** The reply to write, or null when the command wrote its own. */
    private ObjectNode dispatch(long id, String cmd, Fields f) throws CommandError {
        switch (cmd) {
            case "start":
                return start(id, f);
            case "connect":
                return connect(id, f);
            case "disconnect":
                return disconnect(id, f);
            case "sessions":
                return sessions(id);
            case "stop":
                return stop(id);
            case "time_compare":
                if (!variant.timeCompareHook()) {
                    throw new CommandError("unsupported", "unknown command: " + cmd);
                }
                return TimeCompare.run(f, started().comparator(), ok(id, "time_compare"));
            default:
                throw new CommandError("unsupported", "unknown command: " + cmd);
        }
    }

    private SnowNode started() throws CommandError {
        if (node == null) {
            throw new CommandError("not_started", "start the node first");
        }
        return node;
    }

    private ObjectNode start(long id, Fields f) throws CommandError {
        if (node != null) {
            throw new CommandError("already_started", "the node is already started as " + node.name());
        }
        NodeSettings settings = variant.settings().apply(StartRequest.parse(f, configSeam).withTls(tls));
        try {
            node = SnowNode.start(settings, variant.strategies().apply(settings), (event, remote) -> out.write(variant.events().apply(EventJson.of(event, remote))));
        } catch (NodeStartException e) {
            throw new CommandError("failed", e.getMessage());
        }
        LOG.info("started {} on {} (creation {}, TLS provider {})", node.name(), node.listenAddress(),
                node.creation(), node.tlsProvider().option());
        ObjectNode reply = ok(id, "start");
        reply.put("port", node.port());
        reply.put("creation", node.creation());
        return reply;
    }

    /** Writes its own reply on the core thread, so it precedes every event of the attempt. */
    private ObjectNode connect(long id, Fields f) throws CommandError {
        SnowNode n = started();
        String peer = f.requiredString("node");
        HostPort address = null;
        if (f.has("address")) {
            try {
                address = HostPort.parse(f.requiredString("address"), false);
            } catch (IllegalArgumentException e) {
                throw CommandError.badRequest("address: " + e.getMessage());
            }
        }
        join(n.connect(peer, address, r -> out.write(connectReply(id, r))));
        return null;
    }

    private static ObjectNode connectReply(long id, ConnectResult r) {
        switch (r.outcome()) {
            case STARTED:
            case NO_NODE_ID:
                // accepted; the outcome is its event (NO_NODE_ID: handshake_failed not_allowed, ID-5)
                return ok(id, "connect");
            case INVALID_NAME:
                return error(id, "invalid_name", r.detail());
            case SELF:
                return error(id, "self", r.detail());
            case ALREADY_CONNECTED:
                return error(id, "already_connected", r.detail());
            case ALREADY_CONNECTING:
                return error(id, "already_connecting", r.detail());
            default:
                return error(id, "failed", r.detail());
        }
    }

    private ObjectNode disconnect(long id, Fields f) throws CommandError {
        SnowNode n = started();
        String peer = f.requiredString("node");
        if (!join(n.disconnect(peer))) {
            throw new CommandError("not_connected", "no session and no attempt with " + peer);
        }
        return ok(id, "disconnect");
    }

    private ObjectNode sessions(long id) throws CommandError {
        SnowNode n = started();
        ObjectNode reply = ok(id, "sessions");
        ArrayNode list = reply.putArray("sessions");
        for (SessionInfo s : join(n.sessions())) {
            list.add(EventJson.of(s));
        }
        return reply;
    }

    private ObjectNode stop(long id) throws CommandError {
        started();
        stopNode();
        return ok(id, "stop");
    }

    private void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) throws CommandError {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw new CommandError("failed", String.valueOf(e.getCause()));
        }
    }

    private static ObjectNode ok(long id, String reply) {
        ObjectNode o = JsonLines.object();
        o.put("id", id);
        o.put("reply", reply);
        o.put("ok", true);
        return o;
    }

    private static ObjectNode error(Long id, String code, String message) {
        ObjectNode o = JsonLines.object();
        if (id == null) {
            o.putNull("id");
        } else {
            o.put("id", id);
        }
        o.put("reply", "error");
        o.put("ok", false);
        o.put("code", code);
        o.put("message", message);
        return o;
    }
}
