package dev.snow.conformance.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tester against itself over real TLS: tester-initiator and tester-acceptor play a whole
 * handshake and a heartbeat round, so the peer is known to work before it judges anyone.
 */
class TesterSelfTest {
    private static final Duration T = Duration.ofSeconds(5);
    private static final String COOKIE = "self-test-cookie";

    @Test
    void initiatorAndAcceptorCompleteAHandshakeOverTls13() throws Exception {
        Transcript transcript = new Transcript();
        try (TesterListener listener = TesterListener.open(Transport.TLS13, transcript, WireWatch.NONE)) {
            byte[] chA = new byte[32];
            Arrays.fill(chA, (byte) 1);
            byte[] chI = new byte[32];
            Arrays.fill(chI, (byte) 2);
            CompletableFuture<String> acceptorSaw = CompletableFuture.supplyAsync(() -> {
                try (PeerConnection a = listener.accept(T)) {
                    WireFrame.Name n = a.expect(WireFrame.Name.class, T);
                    a.send(Frames.status(StatusCode.OK, chA, "beta@127.0.0.1:" + listener.port(), 42));
                    WireFrame.ChallengeReply r = a.expect(WireFrame.ChallengeReply.class, T);
                    assertThat(r.digest()).isEqualTo(HmacSha256.digest(COOKIE, chA));
                    a.send(Frames.ack(HmacSha256.digest(COOKIE, r.challenge())));
                    WireFrame.Ping ping = a.expect(WireFrame.Ping.class, T);
                    a.send(Frames.pong(ping.payload()));
                    a.expectClosed(T, "test");
                    return n.name() + "/" + a.tlsSession().getProtocol();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (PeerConnection i = PeerConnection.connect(listener.address(), Transport.TLS13, T, transcript, WireWatch.NONE)) {
                assertThat(i.tlsSession().getProtocol()).isEqualTo("TLSv1.3");
                i.send(Frames.name("alpha@127.0.0.1:1", 7));
                WireFrame.StatusChallenge st = i.expect(WireFrame.StatusChallenge.class, T);
                assertThat(st.status()).isEqualTo(StatusCode.OK);
                i.send(Frames.reply(HmacSha256.digest(COOKIE, st.challenge()), chI));
                WireFrame.ChallengeAck ack = i.expect(WireFrame.ChallengeAck.class, T);
                assertThat(ack.digest()).isEqualTo(HmacSha256.digest(COOKIE, chI));
                i.send(Frames.ping(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
                assertThat(i.expect(WireFrame.Pong.class, T).payload()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            }
            assertThat(acceptorSaw.get(10, TimeUnit.SECONDS)).isEqualTo("alpha@127.0.0.1:1/TLSv1.3");
        }
        assertThat(transcript.text()).contains("NAME name=\"alpha@127.0.0.1:1\" creation=7", "CHALLENGE_ACK digest=", "TLS established TLSv1.3");
    }

    @Test
    void aTls12OnlyTesterCannotReachATls13Listener() throws Exception {
        Transcript transcript = new Transcript();
        try (TesterListener listener = TesterListener.open(Transport.TLS13, transcript, WireWatch.NONE)) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try {
                    listener.accept(T).close();
                } catch (IOException | AssertionError expected) {
                    // the handshake fails on the listener's side too
                }
            });
            assertThatThrownBy(() -> PeerConnection.connect(listener.address(), Transport.TLS12_ONLY, T, transcript, WireWatch.NONE))
                    .isInstanceOf(IOException.class);
            server.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void malformedBytesFromThePeerAreReportedWithTheirRule() throws Exception {
        Transcript transcript = new Transcript();
        try (TesterListener listener = TesterListener.open(Transport.TLS13, transcript, WireWatch.NONE)) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (PeerConnection a = listener.accept(T)) {
                    a.send(Frames.raw(9, 9, new byte[8]));
                    a.expectClosed(T, "test");
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (PeerConnection i = PeerConnection.connect(listener.address(), Transport.TLS13, T, transcript, WireWatch.NONE)) {
                Incoming in = i.next(T);
                assertThat(in).isInstanceOf(Incoming.Malformed.class);
                assertThat(((Incoming.Malformed) in).violation().rule()).isEqualTo("FRAME-4");
            }
            server.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void pingsAreAnsweredByPolicyAndSilenceIsChecked() throws Exception {
        Transcript transcript = new Transcript();
        try (TesterListener listener = TesterListener.open(Transport.TLS13, transcript, WireWatch.NONE)) {
            CompletableFuture<PeerConnection> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.accept(T);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (PeerConnection i = PeerConnection.connect(listener.address(), Transport.TLS13, T, transcript, WireWatch.NONE);
                 PeerConnection a = accepted.get(10, TimeUnit.SECONDS)) {
                exchangePings(i, a);
            }
        }
    }

    private static void exchangePings(PeerConnection i, PeerConnection a) {
        {
            a.answerPings(PongPolicy.ECHO);
            i.send(Frames.ping(new byte[] {9, 9, 9, 9, 9, 9, 9, 9}));
            assertThat(i.expect(WireFrame.Pong.class, T).payload()).containsExactly(9, 9, 9, 9, 9, 9, 9, 9);
            a.answerPings(PongPolicy.WRONG);
            i.send(Frames.ping(new byte[] {1, 1, 1, 1, 1, 1, 1, 1}));
            assertThat(i.expect(WireFrame.Pong.class, T).payload()).isNotEqualTo(new byte[] {1, 1, 1, 1, 1, 1, 1, 1});
            i.expectSilence(Duration.ofMillis(100), "test");
            assertThatThrownBy(() -> {
                a.send(Frames.name("x@h", 1));
                i.expectSilence(Duration.ofSeconds(2), "RULE-X");
            }).isInstanceOf(AssertionError.class).hasMessageContaining("RULE-X").hasMessageContaining("NAME");
        }
    }
}
