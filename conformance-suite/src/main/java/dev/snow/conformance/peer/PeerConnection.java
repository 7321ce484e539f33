package dev.snow.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * One tester connection to or from the IUT. Sends any bytes ({@link #send(byte[])}, in pieces,
 * well-formed frames or not); a reader thread parses everything the IUT sends with the tester's
 * strict {@link FrameParser} and queues it as {@link Incoming}s that the test takes with
 * deadlines ({@link #next}, {@link #expect}, {@link #expectClosed}, {@link #expectSilence}).
 * Every byte both ways goes to the {@link Transcript}. PINGs can be answered automatically
 * ({@link #answerPings}).
 */
public final class PeerConnection implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tester-delayed-sends");
        t.setDaemon(true);
        return t;
    });
    private static final int KEEP_RECEIVED = 1 << 20;

    private final String label;
    private final Socket socket;
    private final OutputStream out;
    private final Transcript transcript;
    private final WireWatch watch;
    private final LinkedBlockingQueue<Incoming> inbox = new LinkedBlockingQueue<>();
    private final FrameParser parser = new FrameParser();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile PongPolicy pongs = PongPolicy.SILENT;
    private volatile boolean closing;
    private volatile long lastSendNanos;
    private volatile Incoming.Closed closed;
    private final boolean dialledByTester;

    private PeerConnection(String label, Socket socket, Transcript transcript, WireWatch watch, boolean dialledByTester)
            throws IOException {
        this.dialledByTester = dialledByTester;
        this.label = label;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.transcript = transcript;
        this.watch = watch;
        InputStream in = socket.getInputStream();
        this.reader = new Thread(() -> readLoop(in), "tester-reader-" + label);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Dials {@code to} and completes TCP (and TLS unless {@code PLAINTEXT}) within {@code timeout}. */
    public static PeerConnection connect(InetSocketAddress to, Transport transport, Duration timeout,
                                         Transcript transcript, WireWatch watch) throws IOException {
        return connect(to, transport == Transport.PLAINTEXT ? null : TesterTls.client(),
                transport == Transport.PLAINTEXT ? null : transport.jdkProtocol(), timeout, transcript, watch);
    }

    /** Dials with a given TLS context and protocol ({@code tls} null: plaintext). */
    public static PeerConnection connect(InetSocketAddress to, SSLContext tls, String protocol, Duration timeout,
                                         Transcript transcript, WireWatch watch) throws IOException {
        String label = "c" + IDS.incrementAndGet();
        Socket tcp = new Socket();
        try {
            tcp.setTcpNoDelay(true);
            tcp.connect(to, (int) timeout.toMillis());
            transcript.event(label, "tester -> IUT  TCP connected " + tcp.getLocalSocketAddress() + " -> " + to, System.nanoTime());
            Socket s = tls == null ? tcp : tls(tcp, to, tls, protocol, timeout, label, transcript);
            return new PeerConnection(label, s, transcript, watch, true);
        } catch (IOException e) {
            transcript.event(label, "connect failed: " + e, System.nanoTime());
            tcp.close();
            throw e;
        }
    }

    /** Wraps a socket the {@link TesterListener} accepted (TLS already done when it applies). */
    static PeerConnection accepted(String label, Socket socket, Transcript transcript, WireWatch watch) throws IOException {
        return new PeerConnection(label, socket, transcript, watch, false);
    }

    static String newLabel() {
        return "c" + IDS.incrementAndGet();
    }

    private static Socket tls(Socket tcp, InetSocketAddress to, SSLContext ctx, String protocol, Duration timeout,
                              String label, Transcript transcript) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(tcp, to.getHostString(), to.getPort(), true);
        s.setUseClientMode(true);
        s.setEnabledProtocols(new String[] {protocol});
        s.setSoTimeout((int) timeout.toMillis());
        s.startHandshake();
        s.setSoTimeout(0);
        SSLSession session = s.getSession();
        transcript.event(label, "TLS established " + session.getProtocol() + " " + session.getCipherSuite(), System.nanoTime());
        return s;
    }

    /**
     * The direction of this connection as the IUT reports it in events: {@code incoming} when the
     * tester dialled, {@code outgoing} when the IUT dialled the tester's listener.
     */
    public String iutDirection() {
        return dialledByTester ? "incoming" : "outgoing";
    }

    public String label() {
        return label;
    }

    public Socket socket() {
        return socket;
    }

    /** The TLS session, or null on a plaintext connection. */
    public SSLSession tlsSession() {
        return socket instanceof SSLSocket s ? s.getSession() : null;
    }

    /** The tester's local port: the IUT reports an unnamed peer as {@code host:port} (docs/ADAPTER.md). */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** {@link System#nanoTime()} right after the last write was flushed. */
    public long lastSendNanos() {
        return lastSendNanos;
    }

    public void answerPings(PongPolicy policy) {
        this.pongs = policy;
    }

    // ------------------------------------------------------------------ sending

    /** Writes {@code bytes} in one write (one TLS record up to 16 KiB). */
    public void send(byte[] bytes) {
        if (!trySend(bytes)) {
            throw new UncheckedIOException(new IOException(label + ": write failed, the IUT closed the connection"));
        }
    }

    public void send(WireFrame frame) {
        send(Frames.encode(frame));
    }

    /** Writes {@code bytes}; false (recorded in the transcript) when the connection is gone. */
    public boolean trySend(byte[] bytes) {
        try {
            synchronized (out) {
                out.write(bytes);
                out.flush();
                lastSendNanos = System.nanoTime();
            }
            transcript.sent(label, bytes, lastSendNanos);
            return true;
        } catch (IOException e) {
            transcript.event(label, "write of " + bytes.length + " bytes failed: " + e, System.nanoTime());
            return false;
        }
    }

    /**
     * Writes {@code bytes} as pieces of {@code piece} bytes, each flushed on its own (its own TLS
     * record), pausing {@code pause} between them so the IUT reads them apart (FRAME-10).
     */
    public void sendInPieces(byte[] bytes, int piece, Duration pause) {
        for (int at = 0; at < bytes.length; at += piece) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + piece));
            send(part);
            if (!pause.isZero() && at + piece < bytes.length) {
                pauseFor(pause);
            }
        }
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ receiving

    /** The next thing from the IUT, or null when nothing came within {@code timeout}. */
    public Incoming next(Duration timeout) {
        try {
            return inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(label + ": interrupted while waiting for the IUT");
        }
    }

    /** The next frame, which must be a {@code type}; anything else fails with the rule named. */
    public <T extends WireFrame> T expect(Class<T> type, Duration timeout) {
        return type.cast(expectFrame(type, timeout).frame());
    }

    /** Like {@link #expect} but with the frame's exact bytes and arrival time. */
    public Incoming.Frame expectFrame(Class<? extends WireFrame> type, Duration timeout) {
        Incoming i = next(timeout);
        String wanted = type.getSimpleName();
        if (i == null) {
            throw new AssertionError(label + ": the IUT sent nothing within " + timeout.toMillis() + " ms; the tester expected " + wanted);
        }
        if (i instanceof Incoming.Frame f && type.isInstance(f.frame())) {
            return f;
        }
        if (i instanceof Incoming.Malformed) {
            // the IUT's own frame breaks the layout every frame must follow (precise attribution)
            throw new AssertionError("FRAME-1: " + label + ": the tester expected " + wanted + " from the IUT but it " + show(i));
        }
        throw new AssertionError(label + ": the tester expected " + wanted + " from the IUT but got " + show(i));
    }

    /**
     * The IUT must close the connection within {@code timeout} without sending anything first;
     * {@code rule} names the requirement for the failure message.
     */
    public Incoming.Closed expectClosed(Duration timeout, String rule) {
        Incoming i = next(timeout);
        if (i == null) {
            throw new AssertionError(rule + ": the IUT did not close " + label + " within " + timeout.toMillis() + " ms");
        }
        if (i instanceof Incoming.Closed c) {
            if (!c.byPeer()) {
                throw new AssertionError(label + " was closed by the tester itself before the IUT closed it");
            }
            return c;
        }
        throw new AssertionError(rule + ": the IUT had to close " + label + " without sending anything further, but " + show(i));
    }

    /** Everything up to and including the close, which must come within {@code timeout}. */
    public List<Incoming> drainUntilClosed(Duration timeout, String rule) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Incoming> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Incoming i = left > 0 ? next(Duration.ofNanos(left)) : inbox.poll();
            if (i == null) {
                throw new AssertionError(rule + ": the IUT did not close " + label + " within " + timeout.toMillis()
                        + " ms (received meanwhile: " + seen.size() + " items)");
            }
            seen.add(i);
            if (i instanceof Incoming.Closed) {
                return seen;
            }
        }
    }

    /** Nothing at all (no bytes, no close) may arrive for {@code window}. */
    public void expectSilence(Duration window, String rule) {
        Incoming i = next(window);
        if (i != null) {
            throw new AssertionError(rule + ": the IUT had to stay silent on " + label + " for " + window.toMillis()
                    + " ms but " + show(i));
        }
    }

    /** True once the connection is closed (either side). */
    public boolean isClosed() {
        return closed != null;
    }

    private String show(Incoming i) {
        if (i instanceof Incoming.Frame f) {
            return "sent " + f.frame().describe();
        }
        if (i instanceof Incoming.Malformed m) {
            return "sent a malformed frame (" + m.violation() + ")";
        }
        Incoming.Closed c = (Incoming.Closed) i;
        return c.byPeer() ? "closed the connection (" + c.how() + ")" : "the tester closed the connection";
    }

    private void readLoop(InputStream in) {
        byte[] buf = new byte[16384];
        boolean malformed = false;
        try {
            while (true) {
                int n = in.read(buf);
                long at = System.nanoTime();
                if (n < 0) {
                    finish(!closing, closing ? "closed by the tester" : "EOF (the IUT closed the connection)", at);
                    return;
                }
                if (received.size() < KEEP_RECEIVED) {
                    received.write(buf, 0, n);
                }
                if (malformed) {
                    transcript.received(label, java.util.Arrays.copyOf(buf, n), "bytes after a malformed frame", at);
                    continue;
                }
                parser.feed(buf, 0, n);
                malformed = drain(at);
            }
        } catch (IOException e) {
            finish(!closing, closing ? "closed by the tester" : "closed: " + e, System.nanoTime());
        }
    }

    /** Delivers every whole frame; true once the stream broke a framing rule. */
    private boolean drain(long at) {
        while (true) {
            ParseResult r = parser.next();
            if (r instanceof ParseResult.Decoded d) {
                transcript.received(label, d.raw(), d.frame().describe(), at);
                inbox.add(new Incoming.Frame(d.frame(), d.raw(), at));
                if (d.frame() instanceof WireFrame.Ping ping) {
                    pong(ping);
                }
                continue;
            }
            if (r instanceof ParseResult.Violation v) {
                transcript.event(label, "< MALFORMED from the IUT: " + v, at);
                inbox.add(new Incoming.Malformed(v, at));
                return true;
            }
            return false;
        }
    }

    private void pong(WireFrame.Ping ping) {
        PongPolicy p = pongs;
        if (p.mode() == PongPolicy.Mode.SILENT) {
            return;
        }
        byte[] payload = ping.payload().clone();
        if (p.mode() == PongPolicy.Mode.WRONG_PAYLOAD) {
            payload[7] ^= 0x5a;
        }
        byte[] frame = Frames.pong(payload);
        if (p.delay().isZero()) {
            trySend(frame);
        } else {
            LATER.schedule(() -> trySend(frame), p.delay().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void finish(boolean byPeer, String how, long at) {
        Incoming.Closed c = new Incoming.Closed(byPeer, how, at);
        closed = c;
        transcript.event(label, (byPeer ? "< " : "x ") + how, at);
        inbox.add(c);
        watch.inspect(label, received.toByteArray());
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
