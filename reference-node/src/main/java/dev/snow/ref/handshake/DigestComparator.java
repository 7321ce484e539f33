package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;

/** Compares an expected digest with a received one. The default is {@link #CONSTANT_TIME} (AUTH-4). */
public interface DigestComparator {
    boolean matches(Bytes32 expected, Bytes32 received);

    /** Looks at all 32 bytes whatever they hold, so its time does not depend on where they differ. */
    DigestComparator CONSTANT_TIME = (expected, received) -> {
        int diff = 0;
        for (int i = 0; i < 32; i++) {
            diff |= expected.get(i) ^ received.get(i);
        }
        return diff == 0;
    };
}
