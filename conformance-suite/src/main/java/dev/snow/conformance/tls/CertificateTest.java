package dev.snow.conformance.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.TesterTls;
import dev.snow.conformance.peer.Transport;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** Trust comes from the cookie: the connector checks no certificate, the listener asks for none. */
@ConformanceTest
class CertificateTest {

    @Test
    @Requirement({"TLS-2"})
    void theConnectorAcceptsAnExpiredCertificateForAnotherName(Iut iut, Tester t) throws IOException {
        TesterListener l = t.closeAtEnd(TesterListener.open(0, Transport.TLS13, TesterTls.expiredServer(), t.transcript(), (a, b) -> { }));
        String name = t.name("expired-cert", l.port());
        iut.connect(name, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);
        Handshakes.finishAsAcceptor(t, iut, c, name, 3, dev.snow.conformance.peer.StatusCode.OK, Handshakes.expectName(c, iut));
    }

    @Test
    @Requirement({"TLS-2"})
    void theListenerRequestsNoClientCertificate(Iut iut, Tester t) throws IOException {
        AtomicBoolean asked = new AtomicBoolean();
        PeerConnection c = t.closeAtEnd(PeerConnection.connect(iut.address(), TesterTls.clientRecordingCertificateRequests(asked),
                "TLSv1.3", t.timeouts().event(), t.transcript(), (a, b) -> { }));
        String name = t.name("no-client-cert");
        Handshakes.finishAsInitiator(t, iut, c, name, 3, Handshakes.sendName(c, iut, name, 3));
        assertThat(asked.get()).as("TLS-2: the listener requested a client certificate").isFalse();
    }

    @Test
    @Requirement({"TLS-3"})
    void theListenerPresentsASelfSignedP256Certificate(Iut iut, Tester t) throws Exception {
        PeerConnection c = t.dial(iut);
        Certificate[] chain;
        try {
            chain = c.tlsSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw new AssertionError("TLS-3: the listener presented no certificate", e);
        }
        X509Certificate cert = (X509Certificate) chain[0];
        t.note("TLS-3: listener certificate " + cert.getSubjectX500Principal() + ", " + cert.getPublicKey().getAlgorithm()
                + ", signed with " + cert.getSigAlgName());
        assertThat(cert.getPublicKey()).as("TLS-3: an ECDSA key").isInstanceOf(ECPublicKey.class);
        ECPublicKey key = (ECPublicKey) cert.getPublicKey();
        assertThat(key.getParams().getCurve().getField().getFieldSize()).as("TLS-3: a P-256 key").isEqualTo(256);
        assertThat(key.getParams().getOrder().toString(16)).as("TLS-3: the P-256 group order")
                .isEqualTo("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
        assertThat(cert.getIssuerX500Principal()).as("TLS-3: self-signed (issuer = subject)").isEqualTo(cert.getSubjectX500Principal());
        cert.verify(cert.getPublicKey());
    }
}
