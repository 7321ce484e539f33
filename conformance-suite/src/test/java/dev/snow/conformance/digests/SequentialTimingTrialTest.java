package dev.snow.conformance.digests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.digests.SequentialTimingTrial.Budget;
import dev.snow.conformance.digests.SequentialTimingTrial.Decision;
import dev.snow.conformance.digests.SequentialTimingTrial.Kind;
import dev.snow.conformance.digests.SequentialTimingTrial.Outcome;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stop rule on synthetic loopback timings shaped like a loaded machine's (a 1 ms floor, an
 * exponential body, 5% bursts of several milliseconds) and a fake clock that advances by each
 * sample: a 200 us leak fails, no leak passes, and hopeless noise is inconclusive. Seeded: a
 * failing seed is in the assertion message.
 */
class SequentialTimingTrialTest {
    private static final long CONTROL = 200_000;
    private static final Budget BUDGET = new Budget(40_000_000_000L, 4000, 10, 60, 20);

    /** A synthetic IUT whose last-byte refusals take {@code leak} longer; {@code scale} stretches its noise. */
    private static Outcome trial(long seed, long leak, double scale, Budget budget) {
        Random noise = new Random(seed);
        long[] clock = {0};
        SequentialTimingTrial.Probe probe = (kind, hold) -> {
            double body = -Math.log(1 - noise.nextDouble()) * 300_000 * scale;
            double burst = noise.nextDouble() < 0.05 ? noise.nextDouble() * 8_000_000 * scale : 0;
            long took = (long) (1_000_000 + body + burst) + hold + (kind == Kind.LAST_BYTE ? leak : 0);
            clock[0] += took + 2_000_000;
            return took;
        };
        return SequentialTimingTrial.run(probe, budget, CONTROL, new Random(seed ^ 0x5eed), () -> clock[0]);
    }

    @Test
    void aLeakOf200UsFailsWellWithinTheBudget() {
        for (long seed = 1; seed <= 20; seed++) {
            Outcome o = trial(seed, 200_000, 1, BUDGET);
            assertThat(o.decision()).as("seed %d: %s", seed, o.describe()).isEqualTo(Decision.LEAK);
            assertThat(o.iut().z()).as("seed %d: the last byte is the slow one", seed).isPositive();
            assertThat(o.budgetSpent()).as("seed %d", seed).isFalse();
        }
    }

    @Test
    void aLeakInTheOtherDirectionFailsToo() {
        Outcome o = trial(7, -300_000, 1, BUDGET);
        assertThat(o.decision()).as(o.describe()).isEqualTo(Decision.LEAK);
        assertThat(o.iut().z()).isNegative();
    }

    @Test
    void noLeakPassesOnceTheControlShowsThePowerToSeeOne() {
        for (long seed = 1; seed <= 20; seed++) {
            Outcome o = trial(seed, 0, 1, BUDGET);
            assertThat(o.decision()).as("seed %d: %s", seed, o.describe()).isEqualTo(Decision.NO_LEAK);
            assertThat(o.control().z()).as("seed %d", seed).isGreaterThanOrEqualTo(SequentialTimingTrial.Z_CONFIDENT);
            assertThat(o.powerAtControl()).as("seed %d", seed).isGreaterThan(0.98);
            assertThat(o.control().shift()).as("seed %d: the control's estimated shift is about its hold", seed).isBetween(100_000.0, 400_000.0);
        }
    }

    @Test
    void noiseTooLargeForTheBudgetIsInconclusiveNeverAPassOrAFailure() {
        Budget small = new Budget(2_000_000_000L, 4000, 10, 60, 20);
        Outcome o = trial(3, 0, 40, small);
        assertThat(o.decision()).as(o.describe()).isEqualTo(Decision.INCONCLUSIVE);
        assertThat(o.budgetSpent()).isTrue();
        assertThat(o.control().z()).isLessThan(RankTests.Z_CRITICAL);
    }

    @Test
    void theRoundBudgetStopsTheTrialToo() {
        Budget fewRounds = new Budget(Long.MAX_VALUE, 80, 0, 60, 20);
        Outcome o = trial(5, 0, 40, fewRounds);
        assertThat(o.rounds()).isEqualTo(80);
        assertThat(o.budgetSpent()).isTrue();
    }

    @Test
    void theNoteStatesTheControlsPowerNotTheIutsSpread() {
        Outcome o = trial(11, 0, 1, BUDGET);
        assertThat(o.describe()).contains("positive control (first-byte held back 200 us by the tester)")
                .contains("a 200 us leak would be flagged with probability about")
                .contains("threshold |z| >= 4.9 over 10 tests");
        assertThat(o.leakSeenHalfTheTimeNanos()).isCloseTo(CONTROL * RankTests.Z_CRITICAL / o.control().z(),
                org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void normalCdfMatchesKnownValues() {
        assertThat(SequentialTimingTrial.normalCdf(0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(SequentialTimingTrial.normalCdf(2.33)).isCloseTo(0.9901, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(SequentialTimingTrial.normalCdf(-1.96)).isCloseTo(0.0250, org.assertj.core.data.Offset.offset(1e-4));
    }
}
