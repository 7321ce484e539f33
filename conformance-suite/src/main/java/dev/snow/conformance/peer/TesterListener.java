package dev.snow.conformance.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * Where the IUT dials the tester (the tester as acceptor). Listens on 127.0.0.1 and an ephemeral
 * port; {@link #accept} waits with a deadline and completes TLS (unless {@code PLAINTEXT}).
 */
public final class TesterListener implements AutoCloseable {
    private final ServerSocket server;
    private final Transport transport;
    private final Transcript transcript;
    private final WireWatch watch;

    private TesterListener(ServerSocket server, Transport transport, Transcript transcript, WireWatch watch) {
        this.server = server;
        this.transport = transport;
        this.transcript = transcript;
        this.watch = watch;
    }

    public static TesterListener open(Transport transport, Transcript transcript, WireWatch watch) throws IOException {
        return open(0, transport, transcript, watch);
    }

    /** Listens on {@code port} (0 = any) of 127.0.0.1. */
    public static TesterListener open(int port, Transport transport, Transcript transcript, WireWatch watch) throws IOException {
        return open(port, transport, TesterTls.server(), transcript, watch);
    }

    /** Listens with a given TLS server context (e.g. an expired certificate, TLS-2). */
    public static TesterListener open(int port, Transport transport, javax.net.ssl.SSLContext ctx, Transcript transcript,
                                      WireWatch watch) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ServerSocket s;
        if (transport == Transport.PLAINTEXT) {
            s = new ServerSocket(port, 64, loopback);
        } else {
            SSLServerSocket tls = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(port, 64, loopback);
            tls.setEnabledProtocols(new String[] {transport.jdkProtocol()});
            tls.setNeedClientAuth(false);
            tls.setWantClientAuth(false);
            s = tls;
        }
        transcript.note("--", "tester listening on 127.0.0.1:" + s.getLocalPort() + " (" + transport + ")");
        return new TesterListener(s, transport, transcript, watch);
    }

    /** Listens with {@code ctx} and asks every client for a certificate (the hardened profile, HARD-2). */
    public static TesterListener openMutual(javax.net.ssl.SSLContext ctx, Transcript transcript, WireWatch watch) throws IOException {
        TesterListener l = open(0, Transport.TLS13, ctx, transcript, watch);
        ((SSLServerSocket) l.server).setWantClientAuth(true);
        transcript.note("--", "tester listener on 127.0.0.1:" + l.port() + " asks for client certificates (HARD-2)");
        return l;
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port());
    }

    /** {@code host:port} as the adapter's {@code connect} wants it. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    /** Accepts one connection from the IUT and completes TLS, within {@code timeout}. */
    public PeerConnection accept(Duration timeout) throws IOException {
        String label = PeerConnection.newLabel();
        Socket s = acceptSocket(timeout, label);
        if (s instanceof SSLSocket tls) {
            try {
                tls.setSoTimeout((int) Math.max(1, timeout.toMillis()));
                tls.startHandshake();
                tls.setSoTimeout(0);
            } catch (IOException e) {
                transcript.event(label, "TLS handshake failed: " + e, System.nanoTime());
                s.close();
                throw e;
            }
            SSLSession session = tls.getSession();
            transcript.event(label, "TLS established " + session.getProtocol() + " " + session.getCipherSuite(), System.nanoTime());
        }
        return PeerConnection.accepted(label, s, transcript, watch);
    }

    /** A TCP connection accepted within {@code window} (closed again at once), or null if none came. */
    public String acceptWithin(Duration window) {
        try {
            server.setSoTimeout((int) Math.max(1, window.toMillis()));
            try (Socket s = server.accept()) {
                transcript.note("--", "unexpected connection from " + s.getRemoteSocketAddress());
                return String.valueOf(s.getRemoteSocketAddress());
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            return "accept failed: " + e;
        }
    }

    private Socket acceptSocket(Duration timeout, String label) throws IOException {
        server.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            Socket s = server.accept();
            s.setTcpNoDelay(true);
            transcript.event(label, "IUT -> tester  TCP accepted " + s.getRemoteSocketAddress() + " -> " + s.getLocalSocketAddress()
                    + " (" + transport + ")", System.nanoTime());
            return s;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the IUT did not connect to the tester at " + hostPort() + " within "
                    + timeout.toMillis() + " ms");
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
