package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.wire.Frame;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Online guessing is throttled per source with exponential back-off (LIM-6). */
class AuthFailureThrottleTest {
    private static final String GUESSER = "127.0.0.66";
    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private final CoreNetwork net = new CoreNetwork();

    private void node(int threshold) {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1)
                .authThrottle(AuthThrottleSettings.of(threshold, BACKOFF, Duration.ofSeconds(8))), 1);
    }

    /** One wrong-cookie handshake from {@code source}; returns false if the node refused the connection at once. */
    private boolean guess(String source) {
        int before = net.events("a@h:1").size();
        long id = net.acceptRaw("a@h:1", source);
        if (id < 0) {
            return false;
        }
        RawPeer peer = RawPeer.initiatorAgainst(net, "a@h:1", "not-the-cookie", null, id);
        peer.send(new Frame.Name("g@h:9", 1));
        peer.replyTo(peer.last(Frame.StatusChallenge.class), RawPeer.filled(7));
        assertThat(peer.closedByNode()).isTrue();
        assertThat(net.events("a@h:1").subList(before, net.events("a@h:1").size()))
                .singleElement().isInstanceOfSatisfying(NodeEvent.HandshakeFailed.class,
                        f -> assertThat(f.reason()).isEqualTo(FailReason.COOKIE_MISMATCH));
        return true;
    }

    @Test
    void afterThresholdFailuresTheSourceIsRefusedWithDoublingBackoff() {
        node(3);
        for (int i = 0; i < 3; i++) {
            assertThat(guess(GUESSER)).isTrue();
        }
        assertThat(guess(GUESSER)).as("refused for 1 s after the 3rd failure").isFalse();
        NodeEvent.HandshakeFailed refusal = net.events("a@h:1", NodeEvent.HandshakeFailed.class).get(3);
        assertThat(refusal.reason()).isEqualTo(FailReason.NOT_ALLOWED);
        assertThat(refusal.peer()).isEqualTo(GUESSER);
        assertThat(refusal.detail()).startsWith("LIM-6").contains(GUESSER).contains("3 failed");
        assertThat(guess("127.0.0.7")).as("another source is not affected").isTrue();

        net.runFor(BACKOFF);
        assertThat(guess(GUESSER)).as("allowed again after 1 s").isTrue();
        net.runFor(BACKOFF);
        assertThat(guess(GUESSER)).as("the 4th failure doubled the back-off to 2 s").isFalse();
        net.runFor(BACKOFF);
        assertThat(guess(GUESSER)).isTrue();
    }

    @Test
    void aProvenCookieForgivesTheSource() {
        node(3);
        net.add(CoreNetwork.config("good@h:2", "cookie", 2), 2);
        net.source("good@h:2", GUESSER);
        guess(GUESSER);
        guess(GUESSER);
        net.connect("good@h:2", "a@h:1");
        net.settle();
        assertThat(net.node("a@h:1").sessions()).hasSize(1);

        assertThat(guess(GUESSER)).isTrue();
        assertThat(guess(GUESSER)).as("the count restarted at the good handshake").isTrue();
    }

    @Test
    void thresholdZeroTurnsTheThrottleOff() {
        node(0);
        for (int i = 0; i < 50; i++) {
            assertThat(guess(GUESSER)).isTrue();
        }
    }

    @Test
    void theThrottleTracksABoundedNumberOfSources() {
        AuthFailureThrottle t = new AuthFailureThrottle(new AuthThrottleSettings(1, 1_000, 8_000, 2));
        t.failed("s1", 0);
        t.failed("s2", 0);
        t.failed("s3", 0);
        assertThat(t.trackedSources()).isEqualTo(2);
        assertThat(t.refusedUntil("s1", 1)).as("the least recently failed was dropped").isZero();
        assertThat(t.refusedUntil("s3", 1)).isEqualTo(1_000);
    }

    @Test
    void aSourceIsForgottenAfterTheLongestBackoffWithoutFailures() {
        AuthFailureThrottle t = new AuthFailureThrottle(new AuthThrottleSettings(1, 1_000, 8_000, 16));
        t.failed("s", 0);
        t.failed("s", 1_000);
        assertThat(t.failures("s")).isEqualTo(2);
        assertThat(t.refusedUntil("s", 1_500)).isEqualTo(3_000);
        assertThat(t.refusedUntil("s", 9_000)).isZero();
        assertThat(t.failures("s")).isZero();
    }
}
