package dev.snow.bench;

import dev.snow.ref.transport.EphemeralCertificate;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The baseline: a bare JSSE TLS 1.3 handshake (blocking SSLSocket against an SSLServerSocket,
 * the same kind of ECDSA P-256 certificate, no session resumption: every client handshake uses
 * a fresh SSLContext made before the clock starts). Latency = TCP connect + startHandshake.
 */
final class JsseBaseline implements AutoCloseable {
    private final SSLServerSocket server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jsse-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean open = new AtomicBoolean(true);

    JsseBaseline() throws IOException, GeneralSecurityException {
        EphemeralCertificate cert = EphemeralCertificate.generate();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("node", cert.privateKey(), new char[0], new Certificate[] {cert.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(new String[] {"TLSv1.3"});
        Thread acceptor = new Thread(this::acceptLoop, "jsse-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (open.get()) {
            try {
                Socket s = server.accept();
                handlers.execute(() -> serve((SSLSocket) s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(SSLSocket s) {
        try (s) {
            s.setTcpNoDelay(true);
            s.startHandshake();
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // until the client closes
            }
        } catch (IOException e) {
            // client gone
        }
    }

    /** A client context that trusts any certificate, made before timing starts. */
    static SSLContext clientContext() throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    /** One timed handshake in nanoseconds. */
    long handshake(SSLContext fresh) throws IOException {
        long t0 = System.nanoTime();
        Socket raw = new Socket();
        raw.setTcpNoDelay(true);
        raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        SSLSocket s = (SSLSocket) fresh.getSocketFactory().createSocket(raw, "127.0.0.1", server.getLocalPort(), true);
        s.setEnabledProtocols(new String[] {"TLSv1.3"});
        s.startHandshake();
        long t1 = System.nanoTime();
        s.close();
        return t1 - t0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        open.set(false);
        server.close();
        handlers.shutdownNow();
        handlers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
