package dev.snow.conformance.tls;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.Transport;
import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

/**
 * TLS-4: no session resumption. The tester uses one client context for three connections,
 * made with the IUT's host and port so that the JDK keeps any session ticket the IUT sends and
 * offers it on the next connection. A resumed TLS 1.3 handshake carries no server certificate,
 * so the tester counts the certificates it is shown: three connections, three certificates.
 */
@ConformanceTest
class SessionResumptionTest {
    private static final int CONNECTIONS = 3;

    @Test
    @Requirement({"TLS-4"})
    void everyConnectionIsAFullHandshake(Iut iut, Tester t) throws Exception {
        AtomicInteger shown = new AtomicInteger();
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new CountingTrust(shown)}, new SecureRandom());

        for (int i = 0; i < CONNECTIONS; i++) {
            try (PeerConnection c = PeerConnection.connect(iut.address(), ctx, Transport.TLS13.jdkProtocol(), t.timeouts().event(),
                    t.transcript(), (a, b) -> { })) {
                // STATUS_CHALLENGE comes after any NewSessionTicket, so the ticket is stored before the close
                Handshakes.sendName(c, iut, t.name("resume"), 5);
            }
        }

        if (shown.get() != CONNECTIONS) {
            throw new AssertionError("TLS-4: over " + CONNECTIONS + " connections from one client that keeps and offers session tickets,"
                    + " the IUT showed its certificate " + shown.get() + " times: " + (CONNECTIONS - shown.get())
                    + " handshakes resumed a session");
        }
    }

    /** Trusts any certificate (TLS-2) and counts how many times one was shown. */
    private static final class CountingTrust extends X509ExtendedTrustManager {
        private final AtomicInteger shown;

        CountingTrust(AtomicInteger shown) {
            this.shown = shown;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            shown.incrementAndGet();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            shown.incrementAndGet();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            shown.incrementAndGet();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
