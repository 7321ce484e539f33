package dev.snow.ref.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/**
 * A man-in-the-middle for tests (SEC-1, HARD-4): terminates the caller's TLS with its own
 * ephemeral certificate (asking for a client certificate, as a hardened node does), opens its
 * own TLS connection to the target presenting that certificate, and copies the decrypted bytes
 * both ways. It holds no cookie. One connection; {@link #close()} ends its threads.
 */
final class TlsTerminatingRelay implements AutoCloseable {
    private static final char[] PASS = "relay".toCharArray();
    private final SSLServerSocket server;
    private final SSLContext ctx;
    private final HostPort target;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong relayed = new AtomicLong();

    TlsTerminatingRelay(HostPort target) throws Exception {
        this.target = target;
        EphemeralCertificate cert = EphemeralCertificate.generate();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", cert.privateKey(), PASS, new Certificate[] {cert.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS);
        ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf.getKeyManagers(), InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), new SecureRandom());
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(new String[] {"TLSv1.3"});
        server.setWantClientAuth(true);
        start(this::acceptOne);
    }

    HostPort address() {
        return new HostPort("127.0.0.1", server.getLocalPort());
    }

    long bytesRelayed() {
        return relayed.get();
    }

    private void acceptOne() {
        try {
            SSLSocket in = track((SSLSocket) server.accept());
            in.startHandshake();
            SSLSocket out = track((SSLSocket) ctx.getSocketFactory().createSocket(RawClient.plain(target), target.host(), target.port(), true));
            out.setEnabledProtocols(new String[] {"TLSv1.3"});
            out.startHandshake();
            start(() -> pump(in, out));
            pump(out, in);
        } catch (IOException e) {
            // closed by a peer or by close()
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[4096];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
                relayed.addAndGet(n);
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private synchronized SSLSocket track(SSLSocket s) {
        sockets.add(s);
        return s;
    }

    private synchronized void start(Runnable r) {
        Thread t = new Thread(r, "tls-relay");
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        List<Thread> ts;
        synchronized (this) {
            sockets.forEach(TlsTerminatingRelay::closeQuietly);
            ts = new ArrayList<>(threads);
        }
        for (Thread t : ts) {
            t.join(5000);
        }
    }
}
