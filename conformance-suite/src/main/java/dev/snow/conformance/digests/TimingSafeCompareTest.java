package dev.snow.conformance.digests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.Hex;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.Incoming;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.WireFrame;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 *   <li>over loopback (blunt, informational unless a leak is confirmed twice): time from sending
 *       a wrong REPLY to the close, against the IUT and against the tester's own acceptor with a
 *       planted leak of {@code conformance.timing.leak-us} (positive control) at the same sample
 *       size; if the control is not detected the verdict is inconclusive.</li>
 * </ul>
 * Sample sizes: {@code -Dconformance.timing.rounds} (in process, default 20000) and
 * {@code -Dconformance.timing.samples} (loopback, per class, default 80).
 */
@ConformanceTest
class TimingSafeCompareTest {
    static final double PROBABLY = 4.5;
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
        int n = Integer.getInteger("conformance.timing.samples", 80);
        long leak = Long.getLong("conformance.timing.leak-us", 500) * 1000;
        t.transcript().setQuiet(true);
        try (LeakyResponder control = new LeakyResponder(t, iut.cookie(), leak)) {
            long seed = t.run().seed();
            long[][] s = sample(t, iut, control, n, true, new Random(seed));
            TimingStats.Welch iutW = TimingStats.test(s[0], s[1]);
            TimingStats.Welch ctlW = TimingStats.test(s[2], s[3]);
            String line = String.format(Locale.ROOT, "AUTH-4 over loopback, %d samples per class (seed %d): IUT |t| = %.1f"
                    + " (first-byte %.0f us vs last-byte %.0f us); positive control with a planted %d us leak |t| = %.1f; leaks of"
                    + " about %.0f us or more would show", n, seed, Math.abs(iutW.t()), iutW.meanA() / 1000, iutW.meanB() / 1000,
                    leak / 1000, Math.abs(ctlW.t()), iutW.detectable() / 1000);
            t.note(line);
            if (Math.abs(ctlW.t()) < PROBABLY) {
                t.informational("inconclusive: the positive control (" + leak / 1000 + " us leak) was not detected at this sample size;"
                        + " loopback timing is too noisy here to judge. " + line);
                return;
            }
            if (Math.abs(iutW.t()) < PROBABLY) {
                t.informational("no leak visible over loopback at the measured power. " + line);
                return;
            }
            long[][] again = sample(t, iut, control, n, false, new Random(seed + 1));
            TimingStats.Welch confirm = TimingStats.test(again[0], again[1]);
            t.note(String.format(Locale.ROOT, "AUTH-4 over loopback, confirmation batch: IUT |t| = %.1f", Math.abs(confirm.t())));
            if (Math.abs(confirm.t()) >= PROBABLY && Math.signum(confirm.t()) == Math.signum(iutW.t())) {
                throw new AssertionError("AUTH-4: refusing a digest wrong in the first byte and one wrong in the last byte take measurably"
                        + " different times over the network, confirmed by a second batch (|t| = " + String.format(Locale.ROOT, "%.1f", confirm.t())
                        + "). " + line);
            }
            t.informational("inconclusive: a first batch showed |t| over " + PROBABLY + " but a second did not. " + line);
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

    /**
     * Interleaved samples: class 0/1 the IUT with a digest wrong in the first/last byte, 2/3 the
     * control. Each is the time from the REPLY being written to the close being seen.
     */
    private static long[][] sample(Tester t, Iut iut, LeakyResponder control, int n, boolean withControl, Random rnd) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < (withControl ? 4 : 2); c++) {
            for (int i = 0; i < n; i++) {
                order.add(c);
            }
        }
        Collections.shuffle(order, rnd);
        long[][] out = new long[4][n];
        int[] filled = new int[4];
        for (int cls : order) {
            InetSocketAddress to = cls < 2 ? iut.address() : control.address();
            try (PeerConnection c = t.dial(to)) {
                c.send(Frames.name(t.name("timing"), 3));
                WireFrame.StatusChallenge st = c.expect(WireFrame.StatusChallenge.class, t.timeouts().event());
                byte[] digest = HmacSha256.digest(iut.cookie(), st.challenge());
                digest[cls % 2 == 0 ? 0 : 31] ^= 1;
                c.send(Frames.reply(digest, t.challenge()));
                long sent = c.lastSendNanos();
                Incoming.Closed closed = c.expectClosed(t.timeouts().close(), "AUTH-6");
                out[cls][filled[cls]++] = closed.atNanos() - sent;
            }
        }
        return out;
    }

    private static long[] longs(JsonNode list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).asLong();
        }
        return out;
    }
}
