package dev.snow.conformance.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.FreshIut;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.Hex;
import dev.snow.conformance.peer.Incoming;
import dev.snow.conformance.peer.PongPolicy;
import dev.snow.conformance.peer.WireFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats on a node with heartbeat_interval I = {@value #I} ms and heartbeat_timeout T =
 * {@value #T} ms, in both roles. Windows are behaviour, asserted with tolerance for a loaded
 * machine: early is never tolerated beyond {@value #EARLY} ms, late up to {@value #LATE} ms.
 * <pre>
 *   E (established)   E+I: PING 1   E+2I: PING 2 ...     silent peer: dead at E+I+T
 * </pre>
 */
@ConformanceTest
@FreshIut(heartbeatIntervalMs = HeartbeatTest.I, heartbeatTimeoutMs = HeartbeatTest.T)
class HeartbeatTest {
    static final int I = 300;
    static final int T = 400;
    static final int EARLY = 60;
    static final int LATE = 600;

    @Test
    @Requirement({"HB-1"})
    void pingsComeEveryIntervalWithFreshPayloadsAsAcceptor(Iut iut, Tester t) {
        cadence(t, Handshakes.initiate(t, iut, t.name("hb-cadence-a"), 3));
    }

    @Test
    @Requirement({"HB-1"})
    void pingsComeEveryIntervalWithFreshPayloadsAsInitiator(Iut iut, Tester t) {
        cadence(t, Handshakes.accept(t, iut, "hb-cadence-i"));
    }

    @Test
    @Requirement({"HB-2"})
    void everyPingIsAnsweredPromptlyWithItsPayload(Iut iut, Tester t) {
        for (Handshakes.Session s : List.of(Handshakes.initiate(t, iut, t.name("hb-pong-a"), 3), Handshakes.accept(t, iut, "hb-pong-i"))) {
            s.conn().answerPings(PongPolicy.ECHO);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                byte[] p = t.randomBytes(8);
                sent.add(p);
                s.conn().send(Frames.ping(p));
            }
            long t0 = s.conn().lastSendNanos();
            int got = 0;
            while (got < 3) {
                Incoming in = s.conn().next(t.timeouts().event());
                assertThat(in).as("HB-2: a PONG for each of 3 PINGs").isInstanceOf(Incoming.Frame.class);
                WireFrame f = ((Incoming.Frame) in).frame();
                if (f instanceof WireFrame.Ping) {
                    continue;
                }
                assertThat(f).isInstanceOf(WireFrame.Pong.class);
                assertThat(((WireFrame.Pong) f).payload()).as("HB-2: PONG " + got + " carries its PING's payload").isEqualTo(sent.get(got));
                long ms = (in.atNanos() - t0) / 1_000_000;
                assertThat(ms).as("HB-2: PONG " + got + " came promptly (well before the interval of " + I + " ms)").isLessThan(I);
                got++;
            }
        }
    }

    @Test
    @Requirement({"HB-3"})
    void aSilentPeerIsDeadAtIntervalPlusTimeoutAsAcceptor(Iut iut, Tester t) {
        dies(iut, t, Handshakes.initiate(t, iut, t.name("hb-silent-a"), 3), PongPolicy.SILENT, "HB-3");
    }

    @Test
    @Requirement({"HB-3"})
    void aSilentPeerIsDeadAtIntervalPlusTimeoutAsInitiator(Iut iut, Tester t) {
        dies(iut, t, Handshakes.accept(t, iut, "hb-silent-i"), PongPolicy.SILENT, "HB-3");
    }

    @Test
    @Requirement({"HB-4", "HB-3"})
    void pongsWithAnotherPayloadDoNotCount(Iut iut, Tester t) {
        dies(iut, t, Handshakes.initiate(t, iut, t.name("hb-wrong"), 3), PongPolicy.WRONG, "HB-4");
    }

    @Test
    @Requirement({"HB-4"})
    void unsolicitedPongsAreIgnored(Iut iut, Tester t) {
        Handshakes.Session s = Handshakes.accept(t, iut, "hb-unsolicited");
        s.conn().answerPings(PongPolicy.ECHO);
        s.conn().send(Frames.pong(t.randomBytes(8)));
        s.conn().send(Frames.pong(t.randomBytes(8)));
        survives(iut, t, s, 3, "HB-4: unsolicited PONGs are not protocol errors");
    }

    @Test
    @Requirement({"HB-5"})
    void aLatePongWithinTheTimeoutKeepsTheSession(Iut iut, Tester t) {
        Handshakes.Session s = Handshakes.initiate(t, iut, t.name("hb-late"), 3);
        s.conn().answerPings(PongPolicy.late(Duration.ofMillis(T / 2)));
        t.note("HB-5: PONGs answered " + T / 2 + " ms late with heartbeat_timeout " + T + " ms");
        survives(iut, t, s, 4, "HB-5: PONGs " + T / 2 + " ms late, within the " + T + " ms timeout");
    }

    /** Collects 3 PINGs while answering them: first at E+I, then every I, payloads distinct. */
    private static void cadence(Tester t, Handshakes.Session s) {
        s.conn().answerPings(PongPolicy.ECHO);
        List<Long> at = new ArrayList<>();
        Set<String> payloads = new HashSet<>();
        while (at.size() < 3) {
            WireFrame.Ping p;
            Incoming.Frame f = s.conn().expectFrame(WireFrame.Ping.class, Duration.ofMillis(I + LATE + 1000));
            p = (WireFrame.Ping) f.frame();
            at.add(f.atNanos());
            payloads.add(Hex.of(p.payload()));
        }
        long first = (at.get(0) - s.establishedNanos()) / 1_000_000;
        t.note(String.format("HB-1: PINGs at +%d, +%d, +%d ms after establishment (interval %d ms)", first,
                (at.get(1) - s.establishedNanos()) / 1_000_000, (at.get(2) - s.establishedNanos()) / 1_000_000, I));
        assertThat(first).as("HB-1: first PING at E + interval").isBetween((long) I - EARLY, (long) I + LATE);
        for (int i = 1; i < at.size(); i++) {
            long gap = (at.get(i) - at.get(i - 1)) / 1_000_000;
            assertThat(gap).as("HB-1: gap between PING " + i + " and " + (i + 1)).isBetween((long) I - EARLY, (long) I + LATE);
        }
        assertThat(payloads).as("HB-1: fresh random payloads").hasSize(3);
    }

    /** The IUT must close at E+I+T (within tolerance) with node_down heartbeat_timeout. */
    private static void dies(Iut iut, Tester t, Handshakes.Session s, PongPolicy policy, String rule) {
        int mark = iut.mark();
        s.conn().answerPings(policy);
        List<Incoming> seen = s.conn().drainUntilClosed(Duration.ofMillis(I + T + LATE + 2000), rule);
        long closedAfter = (seen.get(seen.size() - 1).atNanos() - s.establishedNanos()) / 1_000_000;
        t.note(rule + ": closed " + closedAfter + " ms after establishment; interval+timeout = " + (I + T) + " ms");
        assertThat(seen.stream().filter(i -> i instanceof Incoming.Frame f && f.frame() instanceof WireFrame.Ping).count())
                .as(rule + ": the IUT sent its PING before giving up").isGreaterThanOrEqualTo(1);
        assertThat(closedAfter).as(rule + ": closed at interval + timeout after establishment").isBetween((long) I + T - EARLY, (long) I + T + LATE);
        Event down = iut.await(mark, "node_down for " + s.name(), e -> e.is("node_down") && s.name().equals(e.node()), t.timeouts().event());
        assertThat(down.reason()).as(rule + ": node_down reason").isEqualTo("heartbeat_timeout");
    }

    /** The session stays up over {@code pings} PINGs of the IUT. */
    private static void survives(Iut iut, Tester t, Handshakes.Session s, int pings, String rule) {
        int mark = iut.mark();
        for (int i = 0; i < pings; i++) {
            Incoming in;
            do {
                in = s.conn().next(Duration.ofMillis(I + LATE + 1000));
                if (in == null || in instanceof Incoming.Closed) {
                    throw new AssertionError(rule + ": the session ended (" + in + ") after " + i + " PINGs");
                }
            } while (!(in instanceof Incoming.Frame f && f.frame() instanceof WireFrame.Ping));
        }
        iut.expectNone(mark, "node_down for " + s.name(), e -> e.is("node_down") && s.name().equals(e.node()), Duration.ofMillis(T / 2));
    }
}
