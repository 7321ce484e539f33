package dev.snow.bench;

import java.io.PrintStream;
import java.util.List;

/** The Markdown summary: setup latency and rate as ratios to the JSSE baseline, then idle sessions. */
final class Report {
    private Report() {
    }

    static void print(PrintStream out, List<SetupBench.Row> rows, IdleBench.Result idle, int clients, long heartbeatMs,
                      int idleWindow, String nodeHeap) {
        out.println();
        out.println("Machine: " + Machine.describe());
        if (!rows.isEmpty()) {
            SetupBench.Row base = rows.get(0);
            out.println();
            out.println("| connection setup | p50 ms | p90 ms | p99 ms | p50 vs JSSE | setups/s (" + clients
                    + " clients) | rate vs JSSE | node CPU ms/setup | failures |");
            out.println("|---|---|---|---|---|---|---|---|---|");
            for (SetupBench.Row r : rows) {
                out.printf("| %s | %.2f | %.2f | %.2f | %.2fx | %.0f | %.2fx | %s | %d |%n", r.what(), r.latency().p50(),
                        r.latency().p90(), r.latency().p99(), r.latency().p50() / base.latency().p50(), r.perSecond(),
                        r.perSecond() / base.perSecond(),
                        Double.isNaN(r.serverCpuMsPerSetup()) ? "-" : String.format("%.2f", r.serverCpuMsPerSetup()),
                        r.failures());
            }
        }
        if (idle != null) {
            out.println();
            out.println("| idle sessions (TLS " + idle.tls() + ", heartbeat " + heartbeatMs + " ms, node -Xmx" + nodeHeap
                    + ") | value |");
            out.println("|---|---|");
            out.printf("| sessions held by the node | %d |%n", idle.sessions());
            out.printf("| heap after full GC | %.1f MB |%n", idle.heapUsed() / 1048576.0);
            out.printf("| resident set size (heap + native TLS state + JVM) | %.0f MB |%n", idle.rss() / 1048576.0);
            out.printf("| node threads / open fds | %d / %d |%n", idle.threads(), idle.fds());
            out.printf("| node CPU over %d s of heartbeats | %.1f%% of one core |%n", idleWindow, idle.cpuPercent());
            out.printf("| sessions lost during the window | %d |%n", idle.lostDuringWindow());
            out.printf("| time to open all sessions | %.1f s (%d retried) |%n", idle.openTime().toMillis() / 1e3,
                    idle.setupFailures());
        }
    }
}
