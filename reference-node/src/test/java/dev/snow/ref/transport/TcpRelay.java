package dev.snow.ref.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay for tests: forwards bytes both ways to a target until {@link #hold()},
 * after which it swallows everything, FIN included (a silent partition: the peers only learn
 * of it through their heartbeats). {@link #close()} ends every thread it started.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong forwarded = new AtomicLong();
    private volatile boolean held;
    private volatile boolean closed;

    TcpRelay(HostPort to) throws IOException {
        this.target = new InetSocketAddress(to.host(), to.port());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("relay-accept", this::acceptLoop);
    }

    HostPort address() {
        return new HostPort("127.0.0.1", server.getLocalPort());
    }

    /** Bytes forwarded so far, both directions. */
    long forwarded() {
        return forwarded.get();
    }

    /** From now on drop every byte and every close: the two sides stop hearing each other. */
    void hold() {
        held = true;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(target.getAddress(), target.getPort());
                in.setTcpNoDelay(true);
                out.setTcpNoDelay(true);
                synchronized (this) {
                    sockets.add(in);
                    sockets.add(out);
                }
                start("relay-up", () -> pump(in, out));
                start("relay-down", () -> pump(out, in));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Sockets stay open until {@link #close()}: while held, not even a close gets through. */
    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (!held) {
                    out.write(buf, 0, n);
                    out.flush();
                    forwarded.addAndGet(n);
                }
            }
            if (!held) {
                to.shutdownOutput();
            }
        } catch (IOException e) {
            if (!held) {
                closeQuietly(to);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private synchronized void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        List<Thread> all;
        synchronized (this) {
            for (Socket s : sockets) {
                closeQuietly(s);
            }
            all = new ArrayList<>(threads);
        }
        for (Thread t : all) {
            t.join(5000);
        }
    }
}
