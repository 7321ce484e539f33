package dev.snow.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/** The harness's file-descriptor budget (ulimit -n): the flood never opens more than it leaves room for. */
final class Descriptors {
    /** Kept free for the harness's own client nodes, jars and pipes. */
    static final long RESERVE = 2_000;

    private Descriptors() {
    }

    /** The per-loop socket cap: {@code requested}, lowered (with one line) so all loops fit in half of ulimit -n minus the reserve. */
    static int floodBudget(int loops, int requested, PrintStream out) {
        long max = maxOpen();
        if (max <= 0) {
            return requested;
        }
        long fit = Math.max(1, (max / 2 - RESERVE) / loops);
        if (requested > fit) {
            out.printf("[flood] ulimit -n is %d: %d sockets per loop at most instead of %d%n", max, fit, requested);
            return (int) fit;
        }
        return requested;
    }

    static long maxOpen() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u) {
            return u.getMaxFileDescriptorCount();
        }
        return -1;
    }
}
