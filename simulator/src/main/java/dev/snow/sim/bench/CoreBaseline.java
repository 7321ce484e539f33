package dev.snow.sim.bench;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.node.ConnectResult;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.node.NodeCore;
import dev.snow.ref.node.Transmit;
import dev.snow.sim.engine.Rng;
import dev.snow.sim.runner.SeededChallenges;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The protocol code alone: one hub and 200 peers, wired back to back with no latency, no
 * network model and no checks; handshakes, then heartbeats every second for ten virtual
 * minutes. An event is one {@code handleBytes} or {@code handleTimeout} call, as in the simulator.
 */
final class CoreBaseline {
    static long lastEvents;
    static long lastWall;
    static long lastCpu;
    private static final int PEERS = 200;

    private final NodeCore[] cores = new NodeCore[PEERS + 1];
    /** (core index, connection id) -> (core index, connection id) of the other end, as index * 2^32 + id. */
    private final Map<Long, Long> wire = new HashMap<>();
    private final ArrayDeque<long[]> pendingFrom = new ArrayDeque<>();
    private final ArrayDeque<byte[]> pendingBytes = new ArrayDeque<>();
    private long events;
    /** Each core's next deadline, lazily: an entry is stale when the core's deadline moved. */
    private final java.util.PriorityQueue<long[]> due = new java.util.PriorityQueue<>(
            (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    private final java.util.List<Integer> touched = new java.util.ArrayList<>();

    private CoreBaseline() {
    }

    /** One warm-up run, then five measured ones; the median by cpu time is reported. */
    static double measure(PrintStream out) throws InvalidNameException {
        new CoreBaseline().runFor(600);
        long[][] runs = new long[5][];
        for (int i = 0; i < runs.length; i++) {
            CoreBaseline b = new CoreBaseline();
            long start = System.nanoTime();
            long cpu = Cpu.now();
            b.runFor(600);
            runs[i] = new long[] {Cpu.now() - cpu, System.nanoTime() - start, b.events};
        }
        java.util.Arrays.sort(runs, (x, y) -> Long.compare(x[0], y[0]));
        lastCpu = runs[2][0];
        lastWall = runs[2][1];
        lastEvents = runs[2][2];
        double rate = lastEvents / (lastCpu / 1e9);
        out.printf(java.util.Locale.ROOT, "core baseline: %d core calls in %.2f s wall, %.2f s cpu = %.0f events per cpu second"
                + " (median of 5)%n", lastEvents, lastWall / 1e9, lastCpu / 1e9, rate);
        return rate;
    }

    private static ChallengeSource source(long seed) {
        return new SeededChallenges(new Rng(seed));
    }

    private void runFor(long seconds) throws InvalidNameException {
        for (int i = 0; i <= PEERS; i++) {
            String name = i == 0 ? "hub@b" : "p" + i + "@b";
            cores[i] = new NodeCore(NodeConfig.builder(name, "cookie").creation(1 + i % 255)
                    .heartbeatInterval(Duration.ofSeconds(1)).heartbeatTimeout(Duration.ofMillis(500)).build(), source(i));
        }
        long now = 0;
        for (int i = 1; i <= PEERS; i++) {
            ConnectResult r = cores[i].connect("hub@b", now);
            long hubId = cores[0].handleAccepted(now);
            wire.put(key(i, r.connection()), key(0, hubId));
            wire.put(key(0, hubId), key(i, r.connection()));
            cores[0].handleTransportReady(hubId, now);
            cores[i].handleTransportReady(r.connection(), now);
            pump(0, now);
            pump(i, now);
        }
        long end = seconds * 1_000_000_000L;
        for (int i = 0; i <= PEERS; i++) {
            due.add(new long[] {cores[i].pollTimeout(), i});
        }
        while (!due.isEmpty() && due.peek()[0] <= end) {
            long[] head = due.poll();
            int i = (int) head[1];
            long deadline = cores[i].pollTimeout();
            if (deadline != head[0]) {
                continue;
            }
            now = deadline;
            cores[i].handleTimeout(now);
            events++;
            pump(i, now);
        }
        if (cores[0].sessionCount() != PEERS) {
            throw new IllegalStateException("core baseline lost sessions: " + cores[0].sessionCount() + " of " + PEERS);
        }
    }

    private static long key(int core, long id) {
        return ((long) core << 32) | id;
    }

    /** Delivers everything core {@code from} wants to send, and what that causes, at once. */
    private void pump(int from, long now) {
        collect(from);
        touched.add(from);
        while (!pendingFrom.isEmpty()) {
            long[] route = pendingFrom.poll();
            byte[] bytes = pendingBytes.poll();
            int to = (int) (route[0] >>> 32);
            cores[to].handleBytes(route[0] & 0xffffffffL, bytes, 0, bytes.length, now);
            events++;
            collect(to);
            touched.add(to);
        }
        for (int i : touched) {
            due.add(new long[] {cores[i].pollTimeout(), i});
        }
        touched.clear();
    }

    private void collect(int from) {
        Transmit t;
        while ((t = cores[from].pollTransmit()) != null) {
            if (t instanceof Transmit.Send s) {
                pendingFrom.add(new long[] {wire.get(key(from, t.connection()))});
                pendingBytes.add(s.bytes());
            }
        }
        while (cores[from].pollEvent() != null) {
            // node_up and friends are not this baseline's concern; drained so they do not pile up
            continue;
        }
    }
}
