package dev.snow.ref.transport;

import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.node.NodeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Starts reference nodes on loopback for a test and stops them all at the end. Nodes are named
 * {@code alive@127.0.0.1} but listen on a system-chosen port; peers dial them through the
 * connect address override (docs/ADAPTER.md), exactly as the conformance suite does.
 */
final class TestNodes implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final List<SnowNode> nodes = new ArrayList<>();
    private TlsProvider tls = TlsProvider.JDK;

    TestNodes withTls(TlsProvider provider) {
        this.tls = provider;
        return this;
    }

    SnowNode start(String alive, String cookie, EventLog log) {
        return start(alive, cookie, log, b -> b);
    }

    SnowNode start(String alive, String cookie, EventLog log, UnaryOperator<NodeConfig.Builder> tweak) {
        return start(alive, cookie, log, tweak, tls);
    }

    SnowNode start(String alive, String cookie, EventLog log, UnaryOperator<NodeConfig.Builder> tweak, TlsProvider provider) {
        try {
            NodeConfig config = tweak.apply(NodeConfig.builder(alive + "@127.0.0.1", cookie).creation(nodes.size() + 1)).build();
            NodeSettings settings = NodeSettings.of(config).listenOn(new HostPort("127.0.0.1", 0)).withTls(provider);
            SnowNode node = SnowNode.start(settings, log);
            nodes.add(node);
            return node;
        } catch (InvalidNameException | NodeStartException e) {
            throw new AssertionError(e);
        }
    }

    static HostPort addressOf(SnowNode node) {
        return new HostPort("127.0.0.1", node.port());
    }

    /** Starts an attempt from {@code from} to {@code to} through {@code to}'s real port. */
    static void connect(SnowNode from, SnowNode to) {
        var r = from.connect(to.name(), addressOf(to)).join();
        if (!r.started()) {
            throw new AssertionError("connect " + from.name() + " -> " + to.name() + " not started: " + r);
        }
    }

    @Override
    public void close() {
        for (SnowNode n : nodes) {
            n.stop();
        }
        nodes.clear();
    }
}
