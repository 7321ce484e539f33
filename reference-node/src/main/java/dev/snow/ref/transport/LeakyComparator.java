package dev.snow.ref.transport;

import dev.snow.ref.handshake.DigestComparator;
import dev.snow.ref.wire.Bytes32;

/**
 * Faults {@link Fault#LEAKY_COMPARE} and {@link Fault#LEAKY_COMPARE_NO_HOOK}: compares byte by
 * byte, stops at the first difference and busy-waits a fixed time for every byte that matched,
 * so the time taken grows with the length of the matching prefix (the timing leak AUTH-4
 * forbids, made large enough to measure).
 */
final class LeakyComparator implements DigestComparator {
    /** {@link Fault#LEAKY_COMPARE}: seen in process through time_compare. */
    static final long NANOS_PER_MATCHING_BYTE = 100;
    /** {@link Fault#LEAKY_COMPARE_NO_HOOK}: 31 matching bytes cost 200 us, what the loopback test must catch. */
    static final long REALISTIC_NANOS_PER_MATCHING_BYTE = 200_000 / 31;

    private final long nanosPerMatchingByte;

    LeakyComparator(long nanosPerMatchingByte) {
        this.nanosPerMatchingByte = nanosPerMatchingByte;
    }

    @Override
    public boolean matches(Bytes32 expected, Bytes32 received) {
        for (int i = 0; i < 32; i++) {
            if (expected.get(i) != received.get(i)) {
                return false;
            }
            spin(nanosPerMatchingByte);
        }
        return true;
    }

    private static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }
}
