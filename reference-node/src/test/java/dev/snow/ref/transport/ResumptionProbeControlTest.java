package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.Test;

/** The control for {@link NoResumptionTest}: against a JSSE server with default settings, the probe sees a resumption. */
class ResumptionProbeControlTest {

    @Test
    void the_probe_sees_a_resumed_session_where_the_server_allows_it() throws Exception {
        EphemeralCertificate cert = EphemeralCertificate.generate();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", cert.privateKey(), "x".toCharArray(), new java.security.cert.Certificate[] {cert.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "x".toCharArray());
        SSLContext server = SSLContext.getInstance("TLSv1.3");
        server.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> serveTwice(ss));
            ResumptionProbe probe = new ResumptionProbe();
            HostPort at = new HostPort("127.0.0.1", ss.getLocalPort());
            probe.connectOnce(at, "probe@127.0.0.1");
            probe.connectOnce(at, "probe@127.0.0.1");
            serving.join();
            assertThat(probe.certificatesSeen()).as("certificates shown over 2 connections to a resuming server").isEqualTo(1);
        }
    }

    private static void serveTwice(SSLServerSocket ss) {
        for (int i = 0; i < 2; i++) {
            try (Socket s = ss.accept()) {
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                in.readNBytes(5);
                new DataOutputStream(s.getOutputStream()).writeInt(1);
                s.getOutputStream().flush();
                in.readNBytes(64);
            } catch (IOException e) {
                // the probe closes after reading four bytes
            }
        }
    }
}
