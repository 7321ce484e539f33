package dev.snow.bench;

import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.transport.NodeListener;
import dev.snow.ref.transport.NodeSettings;
import dev.snow.ref.transport.SnowNode;
import dev.snow.ref.transport.TlsProvider;
import dev.snow.ref.transport.TransportResources;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Idle sessions held with heartbeats: {@code sessions} client nodes (in this JVM, sharing two
 * I/O and two core threads) each connect once to the node under test (a child JVM with its own
 * heap limit); then, for {@code window}, nothing but heartbeats flows. Reported: the node's heap
 * after a full GC, its threads and file descriptors, its CPU over the window, and any session lost.
 */
final class IdleBench {
    record Options(int sessions, TlsProvider provider, Duration heartbeatInterval, Duration heartbeatTimeout,
                   Duration window, int concurrency, List<String> nodeJvmArgs) {
    }

    record Result(String tls, long sessions, long heapUsed, long heapMax, long rss, long threads, long fds, double cpuPercent,
                  long lostDuringWindow, long setupFailures, Duration openTime) {
    }

    private final Options o;
    private final PrintStream out;

    IdleBench(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    Result run() throws Exception {
        out.println("[idle] node under test in a child JVM " + o.nodeJvmArgs() + ", TLS " + o.provider().option()
                + ", heartbeat " + o.heartbeatInterval().toMillis() + "/" + o.heartbeatTimeout().toMillis() + " ms");
        try (ChildNode server = new ChildNode(o.nodeJvmArgs(), o.provider(), o.heartbeatInterval().toMillis(),
                o.heartbeatTimeout().toMillis(), 1024)) {
            TransportResources shared = TransportResources.create(o.provider(), 2, 0);
            try {
                Semaphore inFlight = new Semaphore(o.concurrency());
                AtomicLong up = new AtomicLong();
                AtomicLong down = new AtomicLong();
                AtomicLong failed = new AtomicLong();
                List<SnowNode> nodes = new ArrayList<>(o.sessions());
                long t0 = System.nanoTime();
                for (int i = 0; i < o.sessions(); i++) {
                    inFlight.acquire();
                    SnowNode[] self = new SnowNode[1];
                    NodeListener listener = (event, remote) -> {
                        if (event instanceof NodeEvent.NodeUp) {
                            up.incrementAndGet();
                            inFlight.release();
                        } else if (event instanceof NodeEvent.NodeDown) {
                            down.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            self[0].connect(BenchNode.NAME, server.address);
                        }
                    };
                    NodeConfig config = NodeConfig.builder("idle" + i + "@127.0.0.1", BenchNode.COOKIE).creation(1)
                            .heartbeatInterval(o.heartbeatInterval()).heartbeatTimeout(o.heartbeatTimeout()).build();
                    self[0] = SnowNode.start(NodeSettings.of(config).dialOnly().withTls(o.provider()), shared, listener);
                    nodes.add(self[0]);
                    self[0].connect(BenchNode.NAME, server.address);
                    if ((i + 1) % 1000 == 0) {
                        out.printf("[idle] %d sessions dialled, %d up, %d retried (%.0f s)%n", i + 1, up.get(), failed.get(),
                                (System.nanoTime() - t0) / 1e9);
                    }
                }
                inFlight.acquire(o.concurrency());
                Duration openTime = Duration.ofNanos(System.nanoTime() - t0);
                out.printf("[idle] %d sessions up in %.1f s; holding them for %d s%n", up.get(), openTime.toMillis() / 1e3,
                        o.window().toSeconds());
                Map<String, Long> before = server.stats();
                long downBefore = down.get();
                Thread.sleep(o.window().toMillis());
                Map<String, Long> after = server.quickStats();
                Map<String, Long> gc = server.stats();
                double cpu = 100.0 * (after.get("cpu_ns") - before.get("cpu_ns")) / (after.get("wall_ns") - before.get("wall_ns"));
                long lost = down.get() - downBefore + (after.get("down") - before.get("down"));
                Result r = new Result(server.tls, gc.get("sessions"), gc.get("heap_used"), gc.get("heap_max"),
                        gc.get("rss"), gc.get("threads"), gc.get("fds"), cpu, lost, failed.get(), openTime);
                out.printf("[idle] node under test: %d sessions, heap after GC %.1f MB of %.0f MB max, RSS %.0f MB, %d threads,"
                        + " %d fds, CPU %.1f%% of one core over %d s, sessions lost %d%n", r.sessions(), r.heapUsed() / 1048576.0,
                        r.heapMax() / 1048576.0, r.rss() / 1048576.0, r.threads(), r.fds(), r.cpuPercent(), o.window().toSeconds(), r.lostDuringWindow());
                return r;
            } finally {
                shared.close();
            }
        }
    }
}
