package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant leaky-compare-no-hook: an early-exit digest comparison leaking 200 us first-vs-last byte, without the time_compare hook. Must break AUTH-4 (over the network). */
final class LeakyCompareNoHook extends Mutant {
    @Override
    public String defect() {
        return "early-exit digest comparison, 6.45 us per matching byte (200 us first-vs-last byte mismatch), no time_compare hook: only AUTH-4's network tier can see it";
    }

    /**
     * 31 matching bytes before a last-byte mismatch: 31 x 6.45 us = 200 us more than a
     * first-byte mismatch, the smallest total leak AUTH-4's network tier must fail (issue 12).
     */
    static final long NANOS_PER_MATCHING_BYTE = 6_450;

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withComparator((expected, received) -> LeakyCompare.earlyExit(expected, received, NANOS_PER_MATCHING_BYTE));
    }

    @Override
    protected boolean offersTimeCompare() {
        return false;
    }
}
