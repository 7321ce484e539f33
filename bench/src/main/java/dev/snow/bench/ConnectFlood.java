package dev.snow.bench;

import dev.snow.ref.transport.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The eviction attack of issue 14 as an open-loop load: plain TCP connects (no TLS, nothing
 * sent) from one source address, explicitly bound, paced to {@code rate} connects/s over
 * {@code threads} selector loops. Each connection is held until the node closes it, then reset
 * (SO_LINGER 0, so neither side keeps TIME_WAIT and the port range lasts). A connection the
 * node has not closed after {@code holdMillis} (still in SYN_SENT because the node's accept
 * queue is full, or accepted but not yet evicted) is reset by the flooder, as an attacker
 * would, so the offer never stalls behind the node. At most {@code inflightPerThread} sockets
 * are open per loop: the file-descriptor budget. Loopback only.
 *
 * <p>Counters: {@link #offered} connect() calls made, {@link #connected} three-way handshakes
 * completed, {@link #closedByNode} connections the node closed, {@link #abandoned} reset by the
 * flooder at the hold limit, {@link #errors} connects refused or failed, {@link #starved} offers
 * due but not made because the loop was at its descriptor budget.
 */
final class ConnectFlood implements Flood {
    private final InetSocketAddress source;
    private final InetSocketAddress target;
    private final double ratePerThread;
    private final int inflightPerThread;
    private final long holdNanos;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    final AtomicLong offered = new AtomicLong();
    final AtomicLong connected = new AtomicLong();
    final AtomicLong closedByNode = new AtomicLong();
    final AtomicLong abandoned = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong starved = new AtomicLong();
    /** Sockets open right now, over all loops (must return to 0 after {@link #close()}). */
    final AtomicLong open = new AtomicLong();

    ConnectFlood(String sourceIp, HostPort target, double rate, int threads, int inflightPerThread, long holdMillis) {
        if (!sourceIp.startsWith("127.")) {
            throw new IllegalArgumentException("the flood dials loopback only (127.0.0.0/8), was " + sourceIp);
        }
        this.source = new InetSocketAddress(sourceIp, 0);
        this.target = new InetSocketAddress(target.host(), target.port());
        this.ratePerThread = rate / threads;
        this.inflightPerThread = inflightPerThread;
        this.holdNanos = holdMillis * 1_000_000L;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "flood-" + i);
            t.setDaemon(true);
            this.threads.add(t);
        }
    }

    @Override
    public String kind() {
        return "java (" + threads.size() + " NIO selector loops)";
    }

    @Override
    public void start() {
        threads.forEach(Thread::start);
    }

    @Override
    public Counters counters() {
        return new Counters(offered.get(), connected.get(), closedByNode.get(), abandoned.get(), errors.get(), starved.get());
    }

    @Override
    public long openSockets() {
        return open.get();
    }

    /** One socket's state: when it was opened, so the hold limit can reset it. */
    private record Held(long openedAt) {
    }

    private void loop() {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        long t0 = System.nanoTime();
        long issued = 0;
        long lastSweep = t0;
        ArrayDeque<SelectionKey> byAge = new ArrayDeque<>(); // one hold limit for all: oldest first
        try (Selector selector = Selector.open()) {
            int inflight = 0;
            while (running) {
                long now = System.nanoTime();
                long due = (long) ((now - t0) * ratePerThread / 1e9) - issued;
                // at most 1,000 connects per turn, so completions and closes are served in between
                for (int n = 0; n < Math.min(due, 1_000) && running; n++) {
                    if (inflight >= inflightPerThread) {
                        starved.addAndGet(Math.min(due, 1_000) - n);
                        issued += Math.min(due, 1_000) - n;
                        break;
                    }
                    issued++;
                    if (open(selector, now, byAge)) {
                        inflight++;
                    }
                }
                if (due > 1_000) {
                    selector.selectNow();
                } else {
                    long waitNanos = (long) ((issued + 1 - (System.nanoTime() - t0) * ratePerThread / 1e9) * 1e9 / ratePerThread);
                    long waitMillis = Math.max(1, Math.min(10, waitNanos / 1_000_000));
                    if (waitNanos <= 0) {
                        selector.selectNow();
                    } else {
                        selector.select(waitMillis);
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    inflight -= serve(key, sink);
                }
                selector.selectedKeys().clear();
                now = System.nanoTime();
                if (now - lastSweep > 10_000_000L) {
                    lastSweep = now;
                    inflight -= sweep(byAge, now);
                }
            }
            for (SelectionKey key : selector.keys()) {
                closeQuietly((SocketChannel) key.channel());
            }
        } catch (IOException e) {
            errors.incrementAndGet();
        }
    }

    /** A new non-blocking connect; false if it failed at once (counted in errors). */
    private boolean open(Selector selector, long now, ArrayDeque<SelectionKey> byAge) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            open.incrementAndGet();
            offered.incrementAndGet();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            ch.bind(source);
            boolean done = ch.connect(target);
            if (done) {
                connected.incrementAndGet();
            }
            byAge.add(ch.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, new Held(now)));
            return true;
        } catch (IOException e) {
            errors.incrementAndGet();
            closeQuietly(ch);
            return false;
        }
    }

    /** Returns 1 when the socket was closed. */
    private int serve(SelectionKey key, ByteBuffer sink) {
        SocketChannel ch = (SocketChannel) key.channel();
        try {
            if (key.isConnectable()) {
                ch.finishConnect();
                connected.incrementAndGet();
                key.interestOps(SelectionKey.OP_READ);
                return 0;
            }
            if (key.isReadable()) {
                sink.clear();
                if (ch.read(sink) < 0) {
                    closedByNode.incrementAndGet();
                    key.cancel();
                    closeQuietly(ch);
                    return 1;
                }
            }
            return 0;
        } catch (IOException e) {
            if (key.isValid() && (key.interestOps() & SelectionKey.OP_CONNECT) != 0) {
                errors.incrementAndGet();
            } else {
                closedByNode.incrementAndGet(); // a reset from the node
            }
            key.cancel();
            closeQuietly(ch);
            return 1;
        }
    }

    /** Resets every socket held longer than the hold limit; returns how many. */
    private int sweep(ArrayDeque<SelectionKey> byAge, long now) {
        int closed = 0;
        while (!byAge.isEmpty() && now - ((Held) byAge.peek().attachment()).openedAt() > holdNanos) {
            SelectionKey key = byAge.poll();
            if (key.isValid()) {
                abandoned.incrementAndGet();
                key.cancel();
                closeQuietly((SocketChannel) key.channel());
                closed++;
            }
        }
        return closed;
    }

    private void closeQuietly(SocketChannel ch) {
        if (ch != null && ch.isOpen()) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to do for a flood socket
            } finally {
                open.decrementAndGet();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
