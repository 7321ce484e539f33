package dev.snow.bench;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.node.AuthThrottleSettings;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.transport.HostPort;
import dev.snow.ref.transport.NodeSettings;
import dev.snow.ref.transport.SnowNode;
import dev.snow.ref.transport.TlsProvider;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node under test, in its own JVM: listens on 127.0.0.1 (port chosen by the system),
 * prints {@code port N}, then answers {@code stats} (CPU, heap after GC, threads, fds, event
 * counts; {@code stats nogc} skips the GC) and {@code quit} on stdin.
 * <pre>args: tls-provider heartbeat-interval-ms heartbeat-timeout-ms max-pending-handshakes
 *       [max-pending-per-source auth-failure-threshold]   (LIM-5, LIM-6; defaults: the node's)</pre>
 * Stats also count handshake failures by rule: {@code mismatch} (AUTH-6), {@code lim2},
 * {@code lim5}, {@code lim6}.
 */
public final class BenchNode {
    static final String NAME = "server@127.0.0.1";
    static final String COOKIE = "bench-cookie";

    private BenchNode() {
    }

    public static void main(String[] args) throws Exception {
        TlsProvider tls = TlsProvider.parse(args[0]);
        NodeConfig.Builder builder = NodeConfig.builder(NAME, COOKIE).creation(1)
                .heartbeatInterval(Duration.ofMillis(Long.parseLong(args[1])))
                .heartbeatTimeout(Duration.ofMillis(Long.parseLong(args[2])))
                .maxPendingHandshakes(Integer.parseInt(args[3]));
        if (args.length > 5) {
            builder.maxPendingPerSource(Integer.parseInt(args[4]))
                    .authThrottle(AuthThrottleSettings.of(Integer.parseInt(args[5]), AuthThrottleSettings.DEFAULT_BACKOFF,
                            AuthThrottleSettings.DEFAULT_MAX_BACKOFF));
        }
        NodeConfig config = builder.build();
        AtomicLong mismatch = new AtomicLong();
        AtomicLong lim2 = new AtomicLong();
        AtomicLong lim5 = new AtomicLong();
        AtomicLong lim6 = new AtomicLong();
        AtomicLong up = new AtomicLong();
        AtomicLong down = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        SnowNode node = SnowNode.start(NodeSettings.of(config).listenOn(new HostPort("127.0.0.1", 0)).withTls(tls),
                (event, remote) -> {
                    if (event instanceof NodeEvent.NodeUp) {
                        up.incrementAndGet();
                    } else if (event instanceof NodeEvent.NodeDown) {
                        down.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        NodeEvent.HandshakeFailed f = (NodeEvent.HandshakeFailed) event;
                        String d = f.detail() == null ? "" : f.detail();
                        if (f.reason() == FailReason.COOKIE_MISMATCH) {
                            mismatch.incrementAndGet();
                        } else if (d.startsWith("LIM-2")) {
                            lim2.incrementAndGet();
                        } else if (d.startsWith("LIM-5")) {
                            lim5.incrementAndGet();
                        } else if (d.startsWith("LIM-6")) {
                            lim6.incrementAndGet();
                        }
                    }
                });
        System.out.println("port " + node.port() + " tls " + node.tlsProvider().option());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("stats")) {
                long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
                long wall = System.nanoTime();
                int sessions = node.sessions().join().size();
                if (!line.equals("stats nogc")) {
                    System.gc();
                    System.gc();
                }
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                String[] fds = new File("/proc/self/fd").list();
                long[] userSys = userSysTicks();
                System.out.println("stats cpu_ns=" + cpu + " wall_ns=" + wall + " heap_used=" + heap.getUsed()
                        + " heap_max=" + heap.getMax() + " threads=" + ManagementFactory.getThreadMXBean().getThreadCount()
                        + " fds=" + (fds == null ? -1 : fds.length) + " sessions=" + sessions
                        + " up=" + up.get() + " down=" + down.get() + " failed=" + failed.get()
                        + " mismatch=" + mismatch.get() + " lim2=" + lim2.get() + " lim5=" + lim5.get() + " lim6=" + lim6.get()
                        + " user_ticks=" + userSys[0] + " sys_ticks=" + userSys[1] + " rss=" + rssBytes());
                System.out.flush();
            } else if (line.equals("quit")) {
                break;
            }
        }
        node.stop();
        System.exit(0);
    }

    /** Resident set size (heap, native TLS state, code, stacks), from /proc/self/status. */
    private static long rssBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** utime and stime of this process from /proc/self/stat, in clock ticks (usually 10 ms). */
    private static long[] userSysTicks() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
