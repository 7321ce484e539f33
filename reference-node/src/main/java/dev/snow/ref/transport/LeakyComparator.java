package dev.snow.ref.transport;

import dev.snow.ref.handshake.DigestComparator;
import dev.snow.ref.wire.Bytes32;

/**
 * Fault {@link Fault#LEAKY_COMPARE}: compares byte by byte, stops at the first difference and
 * busy-waits {@link #NANOS_PER_MATCHING_BYTE} for every byte that matched, so the time taken
 * grows with the length of the matching prefix (the timing leak AUTH-4 forbids, made large
 * enough to measure).
 */
final class LeakyComparator implements DigestComparator {
    static final long NANOS_PER_MATCHING_BYTE = 100;

    @Override
    public boolean matches(Bytes32 expected, Bytes32 received) {
        for (int i = 0; i < 32; i++) {
            if (expected.get(i) != received.get(i)) {
                return false;
            }
            spin();
        }
        return true;
    }

    private static void spin() {
        long until = System.nanoTime() + NANOS_PER_MATCHING_BYTE;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }
}
