package dev.snow.sim.real;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to run a scenario against real processes.
 *
 * @param iut       the adapter command, run with {@code sh -c} once per node boot (default: the reference node)
 * @param faults    where the Toxiproxy-compatible server comes from
 * @param timeline  where to write the JSON-lines timeline, or null
 * @param timeScale wall seconds per scenario second (0.5 runs twice as fast); timers, instants, latencies scale
 * @param tolerance how late or early (wall nanoseconds) an event may be against an expectation's window
 * @param logDir    where the adapters' stderr goes (one file per boot), or null for a temporary directory
 * @param out       results and the failure report
 * @param err       the not-applicable line and progress
 * @param netfilterLoss loss as true packet drop ({@link PacketDrop}: nftables, inside a private network
 *                  namespace) instead of the fault server's loss toxic or its latency mapping
 */
public record RealOptions(String iut, FaultMode faults, Path timeline, double timeScale, long tolerance, Path logDir,
                          PrintStream out, PrintStream err, boolean netfilterLoss) {
    /** The default tolerance: 300 ms of wall time. */
    public static final long DEFAULT_TOLERANCE = 300_000_000L;

    public RealOptions {
        if (!(timeScale > 0) || timeScale > 1000) {
            throw new IllegalArgumentException("--time-scale must be in (0, 1000], was " + timeScale);
        }
        if (tolerance < 0) {
            throw new IllegalArgumentException("--tolerance must not be negative");
        }
    }

    /** Loss through the fault server (no packet drop). */
    public RealOptions(String iut, FaultMode faults, Path timeline, double timeScale, long tolerance, Path logDir,
                       PrintStream out, PrintStream err) {
        this(iut, faults, timeline, timeScale, tolerance, logDir, out, err, false);
    }

    /** The reference node's adapter, found from the repository root (bin/snow-node --adapter). */
    public static String referenceNode(Path repoRoot) {
        return "'" + repoRoot.resolve("bin/snow-node").toAbsolutePath().normalize() + "' --adapter";
    }
}
