package dev.snow.ref.transport;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Blocking JSSE / plain sockets that play misbehaving peers against a node. */
final class RawClient {
    private RawClient() {
    }

    static Socket plain(HostPort to) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(to.host(), to.port()), 5000);
        s.setTcpNoDelay(true);
        return s;
    }

    /** A TLS socket offering only {@code protocol}; the handshake is not started yet. */
    static SSLSocket tls(HostPort to, String protocol) throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), new SecureRandom());
            Socket raw = plain(to);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, to.host(), to.port(), true);
            s.setEnabledProtocols(new String[] {protocol});
            s.setUseClientMode(true);
            return s;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** A TLS 1.3 socket with the handshake done. */
    static SSLSocket tls13(HostPort to) throws IOException {
        SSLSocket s = tls(to, "TLSv1.3");
        s.setSoTimeout(5000);
        s.startHandshake();
        return s;
    }

    /**
     * Reads (discarding) until the node closes the connection. True if it did within
     * {@code timeout} (EOF, or a reset / TLS error that ends the stream).
     */
    static boolean closedByPeerWithin(Socket s, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[1024];
        try {
            InputStream in = s.getInputStream();
            while (System.nanoTime() < deadline) {
                s.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                try {
                    if (in.read(buf) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
