package dev.snow.ref.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS 1.3 client that tries to resume (TLS-4): one JSSE context, sockets made with the
 * server's host and port so that the JDK looks up and offers any ticket it was given. It counts
 * the server certificates it was shown: a resumed handshake shows none, so two connections
 * with two full handshakes count 2 and a resumed second one counts 1. It presents a client
 * certificate when asked, so a hardened node (HARD-2) answers too.
 */
final class ResumptionProbe {
    private static final char[] KEY_PASS = "probe".toCharArray();
    private final AtomicInteger certificatesSeen = new AtomicInteger();
    private final SSLContext ctx;

    ResumptionProbe() {
        try {
            EphemeralCertificate cert = EphemeralCertificate.generate();
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("k", cert.privateKey(), KEY_PASS, new java.security.cert.Certificate[] {cert.certificate()});
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, KEY_PASS);
            ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {new Counting()}, new SecureRandom());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int certificatesSeen() {
        return certificatesSeen.get();
    }

    /**
     * One connection: TLS, then NAME and the first bytes of the answer, which come after any
     * NewSessionTicket, so the JDK has stored the ticket before the socket closes.
     */
    void connectOnce(HostPort to, String name) throws IOException {
        Socket raw = RawClient.plain(to);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, to.host(), to.port(), true)) {
            s.setEnabledProtocols(new String[] {"TLSv1.3"});
            s.setSoTimeout(5000);
            s.startHandshake();
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            java.nio.ByteBuffer f = java.nio.ByteBuffer.allocate(4 + 1 + 2 + n.length + 1);
            f.putInt(1 + 2 + n.length + 1).put((byte) 1).putShort((short) n.length).put(n).put((byte) 1);
            s.getOutputStream().write(f.array());
            s.getOutputStream().flush();
            new DataInputStream(s.getInputStream()).readInt();
        }
    }

    private final class Counting extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            certificatesSeen.incrementAndGet();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            certificatesSeen.incrementAndGet();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            certificatesSeen.incrementAndGet();
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
