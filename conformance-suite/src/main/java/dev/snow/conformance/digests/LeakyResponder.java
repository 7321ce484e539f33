package dev.snow.conformance.digests;

import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The positive control of the loopback timing test: the tester's own acceptor with a planted
 * leak. It compares the REPLY digest byte by byte, stops at the first difference, and spends
 * {@code leakNanos / 31} on every byte that matched before it; so a digest wrong in its last
 * byte takes {@code leakNanos} longer to refuse than one wrong in its first. Then it closes,
 * as a conforming verifier does.
 */
final class LeakyResponder implements AutoCloseable {
    static final String NAME = "control@127.0.0.1";

    private final TesterListener listener;
    private final String cookie;
    private final long perByteNanos;
    private final Thread thread;
    private volatile boolean stopped;

    LeakyResponder(Tester t, String cookie, long leakNanos) {
        this.listener = t.listen();
        this.cookie = cookie;
        this.perByteNanos = leakNanos / 31;
        this.thread = new Thread(this::serve, "leaky-responder");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return listener.address();
    }

    private void serve() {
        while (!stopped) {
            try (PeerConnection c = listener.accept(Duration.ofSeconds(30))) {
                c.expect(WireFrame.Name.class, Duration.ofSeconds(5));
                byte[] challenge = new byte[32];
                new java.security.SecureRandom().nextBytes(challenge);
                c.send(Frames.status(StatusCode.OK, challenge, NAME, 1));
                WireFrame.ChallengeReply r = c.expect(WireFrame.ChallengeReply.class, Duration.ofSeconds(5));
                if (leakyEquals(HmacSha256.digest(cookie, challenge), r.digest())) {
                    c.send(Frames.ack(HmacSha256.digest(cookie, r.challenge())));
                }
            } catch (Exception | AssertionError e) {
                if (stopped) {
                    return;
                }
            }
        }
    }

    /** Early exit, with the planted per-byte cost. */
    private boolean leakyEquals(byte[] expected, byte[] received) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != received[i]) {
                return false;
            }
            long until = System.nanoTime() + perByteNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        return true;
    }

    @Override
    public void close() {
        stopped = true;
        listener.close();
    }
}
