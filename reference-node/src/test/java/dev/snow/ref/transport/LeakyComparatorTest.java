package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.wire.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * The realistic leak of {@link Fault#LEAKY_COMPARE_NO_HOOK}: a digest wrong in its last byte
 * busy-waits 31 per-byte costs, at least 199.98 us, before it is refused; the verdict is still
 * right. (A lower bound of a busy-wait, which load can only lengthen.)
 */
class LeakyComparatorTest {
    @Test
    void a_last_byte_mismatch_costs_31_matching_bytes_of_about_200_us_in_all() {
        byte[] expected = new byte[32];
        byte[] lastWrong = expected.clone();
        lastWrong[31] = 1;
        LeakyComparator c = new LeakyComparator(LeakyComparator.REALISTIC_NANOS_PER_MATCHING_BYTE);

        long t0 = System.nanoTime();
        boolean matched = c.matches(Bytes32.of(expected), Bytes32.of(lastWrong));
        long took = System.nanoTime() - t0;

        assertThat(matched).isFalse();
        assertThat(took).isGreaterThanOrEqualTo(31 * LeakyComparator.REALISTIC_NANOS_PER_MATCHING_BYTE);
        assertThat(31 * LeakyComparator.REALISTIC_NANOS_PER_MATCHING_BYTE).isBetween(199_000L, 200_000L);
        assertThat(c.matches(Bytes32.of(expected), Bytes32.of(expected.clone()))).isTrue();
    }

    @Test
    void the_fault_puts_the_realistic_comparator_in_place() {
        assertThat(NodeStrategies.withFaults(java.util.Set.of(Fault.LEAKY_COMPARE_NO_HOOK)).comparator()).isInstanceOf(LeakyComparator.class);
        assertThat(Fault.parse("leaky-compare-no-hook")).isEqualTo(Fault.LEAKY_COMPARE_NO_HOOK);
    }
}
