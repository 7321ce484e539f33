package dev.snow.ref.transport;

import java.util.Locale;

/**
 * Reference-only faults (docs/ADAPTER.md, "Reference-only test hooks"): deliberate protocol
 * breakages the conformance suite must catch. Each one only swaps a strategy NodeCore already
 * takes ({@link dev.snow.ref.handshake.DigestComparator} or
 * {@link dev.snow.ref.handshake.ChallengeSource}); the protocol code itself is untouched.
 */
public enum Fault {
    /** A digest comparator that accepts any digest: breaks AUTH-6. */
    ACCEPT_ANY_DIGEST("accept-any-digest"),
    /** An early-exit comparator that spends a little time per matching byte: breaks AUTH-4. */
    LEAKY_COMPARE("leaky-compare"),
    /**
     * A realistic early-exit comparator (about 6.45 us per matching byte: 200 us between a digest
     * wrong in its first byte and one wrong in its last) in a node whose adapter offers no
     * {@code time_compare}: breaks AUTH-4 where only the loopback measurement can see it.
     */
    LEAKY_COMPARE_NO_HOOK("leaky-compare-no-hook"),
    /** One challenge drawn at start and reused for every handshake: breaks AUTH-3. */
    FIXED_CHALLENGE("fixed-challenge");

    private final String option;

    Fault(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public static Fault parse(String text) {
        for (Fault f : values()) {
            if (f.option.equals(text.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault \"" + text
                + "\"; known: accept-any-digest, leaky-compare, leaky-compare-no-hook, fixed-challenge");
    }

    @Override
    public String toString() {
        return option;
    }
}
