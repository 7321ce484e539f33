package dev.snow.bench;

import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.node.NodeCore;
import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.node.Transmit;
import dev.snow.ref.session.CloseCause;
import dev.snow.ref.transport.SecureChallengeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The eviction attack in virtual time, on the protocol cores alone (no sockets, no CPU limit):
 * a node ({@code max_pending_handshakes} 64) accepts a stalled connection from one source every
 * {@code 1/rate} s, while {@code GOOD} good nodes from another source each loop: handshake
 * ({@code tls} ns of TLS, then {@code hop} ns per message), disconnect, again. It shows what
 * the policy does at connect rates this shared machine cannot produce for real; the real node's
 * figures are {@link FloodBench}'s.
 */
final class FloodModel {
    static final int GOOD = 4;

    record Result(double rate, int perSource, long good, long failed) {
        double share() {
            return good + failed == 0 ? Double.NaN : 100.0 * good / (good + failed);
        }
    }

    private record Due(long at, long seq, Runnable action) {
    }

    /** One good node's connection: which node, its connection id there. */
    private record End(int node, long connection) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final Map<End, Long> goodToServer = new HashMap<>();
    private final Map<Long, End> serverToGood = new HashMap<>();
    private final List<NodeCore> goods = new ArrayList<>();
    private NodeCore server;
    private long now;
    private long seq;
    private long ok;
    private long failed;
    private long tls;
    private long hop;
    private long until;

    static Result run(double rate, int perSource, long tlsNanos, long hopNanos, long durationNanos) throws Exception {
        return new FloodModel().simulate(rate, perSource, tlsNanos, hopNanos, durationNanos);
    }

    private Result simulate(double rate, int perSource, long tlsNanos, long hopNanos, long duration) throws Exception {
        this.tls = tlsNanos;
        this.hop = hopNanos;
        this.until = duration;
        server = new NodeCore(NodeConfig.builder("server@127.0.0.1:1", "model-cookie").creation(1)
                .maxPendingPerSource(perSource).build(), new SecureChallengeSource());
        long floodEvery = Math.max(1, (long) (1e9 / rate));
        for (long t = 0; t < duration; t += floodEvery) {
            at(t, () -> server.handleAccepted("127.0.0.66", now)); // a stalled connect: nothing ever arrives on it
        }
        for (int i = 0; i < GOOD; i++) {
            goods.add(new NodeCore(NodeConfig.builder("good" + i + "@127.0.0.2:" + (i + 2), "model-cookie").creation(1).build(),
                    new SecureChallengeSource()));
            int node = i;
            at(i * 100_000L, () -> startGood(node));
        }
        while (!queue.isEmpty()) {
            Due d = queue.poll();
            now = d.at;
            d.action.run();
            if (server.pollTimeout() <= now) {
                server.handleTimeout(now);
            }
            for (NodeCore g : goods) {
                if (g.pollTimeout() <= now) {
                    g.handleTimeout(now);
                }
            }
            drain();
        }
        return new Result(rate, perSource, ok, failed);
    }

    private void startGood(int node) {
        if (now >= until) {
            return;
        }
        var r = goods.get(node).connect("server@127.0.0.1:1", now);
        if (!r.started()) {
            throw new IllegalStateException("model: good node could not dial: " + r);
        }
        End g = new End(node, r.connection());
        long s = server.handleAccepted("127.0.0.2", now);
        goodToServer.put(g, s);
        serverToGood.put(s, g);
        at(now + tls, () -> {
            server.handleTransportReady(s, now);
            goods.get(node).handleTransportReady(g.connection(), now);
        });
    }

    private void drain() {
        for (Transmit t = server.pollTransmit(); t != null; t = server.pollTransmit()) {
            End g = serverToGood.get(t.connection());
            if (g == null) {
                continue;
            }
            if (t instanceof Transmit.Send send) {
                at(now + hop, () -> goods.get(g.node()).handleBytes(g.connection(), send.bytes(), now));
            } else {
                serverToGood.remove(t.connection());
                at(now + hop, () -> goods.get(g.node()).handleTransportClosed(g.connection(), CloseCause.EOF, "closed", now));
            }
        }
        for (int i = 0; i < goods.size(); i++) {
            NodeCore core = goods.get(i);
            for (Transmit t = core.pollTransmit(); t != null; t = core.pollTransmit()) {
                Long s = goodToServer.get(new End(i, t.connection()));
                if (s == null) {
                    continue;
                }
                if (t instanceof Transmit.Send send) {
                    at(now + hop, () -> server.handleBytes(s, send.bytes(), now));
                } else {
                    goodToServer.remove(new End(i, t.connection()));
                    at(now + hop, () -> server.handleTransportClosed(s, CloseCause.EOF, "closed", now));
                }
            }
            for (NodeEvent e = core.pollEvent(); e != null; e = core.pollEvent()) {
                int node = i;
                if (e instanceof NodeEvent.NodeUp up) {
                    ok++;
                    core.disconnect(up.node(), now);
                    at(now + hop, () -> startGood(node));
                } else if (e instanceof NodeEvent.HandshakeFailed) {
                    failed++;
                    at(now + hop, () -> startGood(node));
                }
            }
        }
        while (server.pollEvent() != null) {
            // the server's events are not judged here
        }
    }

    private void at(long t, Runnable action) {
        queue.add(new Due(t, seq++, action));
    }
}
