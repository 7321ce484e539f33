package dev.snow.ref.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.DigestComparator;
import dev.snow.ref.transport.NodeStrategies;
import dev.snow.ref.wire.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * The realistic leak of leaky-compare-no-hook: a digest wrong in its last byte busy-waits 31
 * per-byte costs, at least 199.95 us, before it is refused; the verdict is still right. (A lower
 * bound of a busy-wait, which load can only lengthen.)
 */
class LeakyCompareTest {
    @Test
    void a_last_byte_mismatch_costs_31_matching_bytes_of_about_200_us_in_all() {
        byte[] expected = new byte[32];
        byte[] lastWrong = expected.clone();
        lastWrong[31] = 1;
        DigestComparator c = new LeakyCompareNoHook().strategies(NodeStrategies.secure()).comparator();

        long t0 = System.nanoTime();
        boolean matched = c.matches(Bytes32.of(expected), Bytes32.of(lastWrong));
        long took = System.nanoTime() - t0;

        assertThat(matched).isFalse();
        assertThat(took).isGreaterThanOrEqualTo(31 * LeakyCompareNoHook.NANOS_PER_MATCHING_BYTE);
        assertThat(31 * LeakyCompareNoHook.NANOS_PER_MATCHING_BYTE).isBetween(199_000L, 200_000L);
        assertThat(c.matches(Bytes32.of(expected), Bytes32.of(expected.clone()))).isTrue();
    }

    @Test
    void the_production_strategies_compare_in_constant_time() {
        assertThat(NodeStrategies.secure().comparator()).isSameAs(DigestComparator.CONSTANT_TIME);
    }
}
