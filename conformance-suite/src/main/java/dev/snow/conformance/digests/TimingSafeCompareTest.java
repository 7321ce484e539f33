package dev.snow.conformance.digests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Inconclusive;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.TestKey;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Hex;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Constant-time digest comparison, dudect style: two classes of wrong digests, wrong in the first
 * byte or in the last, interleaved at random, compared with Welch's t-test.
 * <ul>
 *   <li>in process (sharp): the adapter's optional {@code time_compare} times the comparison the
 *       node really uses; it leaks when |t| &gt; {@value #DEFINITELY} and the means differ by more
 *       than {@value #MIN_EFFECT} of the time (a JIT or cache artefact of one object shows as a
 *       significant 1-3%), confirmed by a second measurement; an early-exit comparison timed the
 *       same way in the suite is the positive control; unsupported when the adapter lacks the
 *       command;</li>
 *   <li>over loopback (for every node, hook or not): the time from writing a wrong REPLY to the
 *       close, sampled sequentially by {@link SequentialTimingTrial} with rank and quantile tests
 *       ({@link RankTests}) until the IUT is judged or the budget runs out; the positive control
 *       is the same IUT with the REPLY held back {@code conformance.timing.control-us} (default
 *       200) by the tester; fails on a leak, passes once the control shows the power to see one,
 *       inconclusive (its own verdict) only when the control was never detected.</li>
 * </ul>
 * Sizes: {@code -Dconformance.timing.rounds} (in process, default 20000);
 * {@code -Dconformance.timing.budget-s} (loopback, default 50) and
 * {@code -Dconformance.timing.max-rounds} (loopback, default 4000).
 */
@ConformanceTest
class TimingSafeCompareTest {
    static final double DEFINITELY = 10;
    /** The smallest relative difference counted as a leak in process (a constant-time loop shows about 1-3%). */
    static final double MIN_EFFECT = 0.05;

    @Test
    @Requirement({"AUTH-4"})
    void theNodesOwnComparisonTakesTheSameTimeWhereverTheDigestsDiffer(Iut iut, Tester t) {
        int rounds = Integer.getInteger("conformance.timing.rounds", 20000);
        TimingStats.Welch control = controlInProcess(rounds);
        TimingStats.Welch first = inProcess(iut, rounds);
        String line = String.format(Locale.ROOT, "AUTH-4 in process: %s over %d rounds; positive control (an early-exit compare timed"
                + " the same way in the suite): %s, %s", describe(first), rounds, describe(control),
                leaks(control) ? "detected" : "NOT detected by the rule");
        if (!leaks(first)) {
            t.note(line);
            return;
        }
        TimingStats.Welch second = inProcess(iut, rounds);
        line += "; confirmation: " + describe(second);
        t.note(line);
        if (leaks(second) && Math.signum(second.t()) == Math.signum(first.t())) {
            throw new AssertionError("AUTH-4: the node's own digest comparison takes a different time depending on where the digests"
                    + " differ (|t| > " + DEFINITELY + " and a difference over " + (int) (MIN_EFFECT * 100) + "% of the time, twice): " + line);
        }
    }

    /** dudect's "definitely" threshold, plus an effect large enough not to be a JIT or cache artefact of one object. */
    static boolean leaks(TimingStats.Welch w) {
        return Math.abs(w.t()) > DEFINITELY && w.relativeDifference() > MIN_EFFECT;
    }

    private static String describe(TimingStats.Welch w) {
        return String.format(Locale.ROOT, "|t| = %.1f, first-byte %.1f ns vs last-byte %.1f ns (%+.1f%%, crop %.0f%%)", Math.abs(w.t()),
                w.meanA(), w.meanB(), 100 * (w.meanB() - w.meanA()) / Math.max(1e-9, Math.min(w.meanA(), w.meanB())), w.crop() * 100);
    }

    @Test
    @Requirement({"AUTH-4"})
    void overLoopbackNoLeakShowsAtTheMeasuredDetectionPower(Iut iut, Tester t) {
        long controlNanos = Long.getLong("conformance.timing.control-us", 200) * 1000;
        SequentialTimingTrial.Budget budget = new SequentialTimingTrial.Budget(Long.getLong("conformance.timing.budget-s", 50) * 1_000_000_000L,
                Integer.getInteger("conformance.timing.max-rounds", 4000), 10, 60, 20);
        long seed = t.run().seed();
        t.transcript().setQuiet(true);
        SequentialTimingTrial.Outcome o;
        try (RefusalProbe probe = new RefusalProbe(t, iut)) {
            o = SequentialTimingTrial.run(probe, budget, controlNanos, new Random(seed), System::nanoTime);
            probe.writeSamples(t.run().output().resolve("tests")
                    .resolve(TestKey.fileName(TestKey.of(TimingSafeCompareTest.class.getName(), "overLoopbackNoLeakShowsAtTheMeasuredDetectionPower")))
                    .resolve("auth4-samples.csv"));
        }
        String line = String.format(Locale.ROOT, "AUTH-4 over loopback (budget %s, seed %d): %s", budget.describe(), seed, o.describe());
        t.note(line);
        switch (o.decision()) {
            case LEAK:
                throw new AssertionError("AUTH-4: refusing a digest wrong in its " + (o.iut().z() > 0 ? "last byte takes longer than one wrong in its first"
                        : "first byte takes longer than one wrong in its last") + " (about " + Math.round(Math.abs(o.iut().shift()) / 1000)
                        + " us, |z| = " + String.format(Locale.ROOT, "%.1f", Math.abs(o.iut().z())) + " >= " + RankTests.Z_CRITICAL
                        + "): the comparison leaks how many leading bytes matched. " + line);
            case INCONCLUSIVE:
                throw new Inconclusive(String.format(Locale.ROOT, "AUTH-4 over loopback not judged: the positive control (a first-byte"
                        + " digest held back %d us by the tester) reached only z = %.1f < %.1f in %d rounds, the whole budget of %s; this machine"
                        + " is too noisy to judge a leak of that size (raise -Dconformance.timing.budget-s, or run where it is quieter). %s",
                        controlNanos / 1000, o.control().z(), RankTests.Z_CRITICAL, o.rounds(), budget.describe(), line));
            default:
                return;
        }
    }

    /** Per-round timings of the node's own comparison, through time_compare. */
    private static TimingStats.Welch inProcess(Iut iut, int rounds) {
        byte[] expected = new byte[32];
        new SecureRandom().nextBytes(expected);
        byte[] first = expected.clone();
        first[0] ^= 1;
        byte[] last = expected.clone();
        last[31] ^= 1;
        ObjectNode cmd = iut.adapter().command("time_compare").put("expected", Hex.of(expected)).put("rounds", rounds);
        cmd.putArray("candidates").add(Hex.of(first)).add(Hex.of(last));
        JsonNode nanos = iut.call(cmd).path("nanos");
        if (nanos.size() != 2 || nanos.get(0).size() != rounds || nanos.get(1).size() != rounds) {
            throw new AssertionError("docs/ADAPTER.md: time_compare must answer one list of " + rounds + " durations per candidate; got " + nanos.size()
                    + " lists");
        }
        return TimingStats.test(longs(nanos.get(0)), longs(nanos.get(1)));
    }

    /** The same method on an early-exit comparison in this JVM: what a leak looks like. */
    private static TimingStats.Welch controlInProcess(int rounds) {
        byte[] expected = new byte[32];
        new SecureRandom().nextBytes(expected);
        byte[][] candidates = {expected.clone(), expected.clone()};
        candidates[0][0] ^= 1;
        candidates[1][31] ^= 1;
        long[][] out = new long[2][rounds];
        Random rnd = new Random(1);
        boolean sink = false;
        for (int warm = 0; warm < 20000; warm++) {
            sink ^= earlyExit(expected, candidates[warm & 1]);
        }
        for (int r = 0; r < rounds; r++) {
            int firstIdx = rnd.nextInt(2);
            for (int k = 0; k < 2; k++) {
                int idx = k == 0 ? firstIdx : 1 - firstIdx;
                long t0 = System.nanoTime();
                sink ^= earlyExit(expected, candidates[idx]);
                out[idx][r] = System.nanoTime() - t0;
            }
        }
        if (sink) {
            Thread.onSpinWait();
        }
        return TimingStats.test(out[0], out[1]);
    }

    private static boolean earlyExit(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private static long[] longs(JsonNode list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).asLong();
        }
        return out;
    }
}
