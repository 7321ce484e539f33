package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;
import dev.snow.ref.wire.Bytes32;

/** Mutant leaky-compare: an early-exit digest comparison, with the time_compare hook. Must break AUTH-4. */
final class LeakyCompare extends Mutant {
    @Override
    public String defect() {
        return "early-exit digest comparison, 100 ns per matching byte (3.1 us first-vs-last byte mismatch); offers time_compare, whose in-process tier must see it";
    }

    /**
     * Small: the in-process tier (time_compare) times the comparison alone, 2 x 20,000 rounds
     * within the adapter's reply deadline, and sees a 3.1 us leak plainly.
     */
    static final long NANOS_PER_MATCHING_BYTE = 100;

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withComparator((expected, received) -> earlyExit(expected, received, NANOS_PER_MATCHING_BYTE));
    }

    /** Stops at the first differing byte, spending {@code nanosPerByte} on every byte that matched. */
    static boolean earlyExit(Bytes32 expected, Bytes32 received, long nanosPerByte) {
        for (int i = 0; i < 32; i++) {
            if (expected.get(i) != received.get(i)) {
                return false;
            }
            long until = System.nanoTime() + nanosPerByte;
            while (System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
        }
        return true;
    }
}
