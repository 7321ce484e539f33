package dev.snow.bench;

import dev.snow.ref.transport.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The eviction attack of issue 14: plain TCP connects (no TLS, nothing sent) from one source
 * address, each held open until the node closes it, then reset (SO_LINGER 0, so neither side
 * keeps TIME_WAIT and the port range lasts). Non-blocking, {@code threads} selector loops with
 * at most {@code inflightPerThread} connections each. Loopback only.
 */
final class ConnectFlood implements AutoCloseable {
    private final InetSocketAddress source;
    private final InetSocketAddress target;
    private final int inflightPerThread;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    /** TCP connects completed. */
    final AtomicLong connects = new AtomicLong();
    /** Connects that failed (refused, ports exhausted, ...). */
    final AtomicLong errors = new AtomicLong();

    ConnectFlood(String sourceIp, HostPort target, int threads, int inflightPerThread) {
        this.source = new InetSocketAddress(sourceIp, 0);
        this.target = new InetSocketAddress(target.host(), target.port());
        this.inflightPerThread = inflightPerThread;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "flood-" + i);
            t.setDaemon(true);
            this.threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void loop() {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        try (Selector selector = Selector.open()) {
            int inflight = 0;
            while (running) {
                while (inflight < inflightPerThread && running) {
                    SocketChannel ch = null;
                    try {
                        ch = SocketChannel.open();
                        ch.configureBlocking(false);
                        ch.setOption(StandardSocketOptions.SO_LINGER, 0);
                        ch.bind(source);
                        if (ch.connect(target)) {
                            connects.incrementAndGet();
                            ch.register(selector, SelectionKey.OP_READ);
                        } else {
                            ch.register(selector, SelectionKey.OP_CONNECT);
                        }
                        inflight++;
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        closeQuietly(ch);
                        break;
                    }
                }
                selector.select(5);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel ch = (SocketChannel) key.channel();
                    try {
                        if (key.isConnectable()) {
                            ch.finishConnect();
                            connects.incrementAndGet();
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            sink.clear();
                            if (ch.read(sink) < 0) {
                                key.cancel();
                                closeQuietly(ch);
                                inflight--;
                            }
                        }
                    } catch (IOException e) {
                        if (key.isValid() && (key.interestOps() & SelectionKey.OP_CONNECT) != 0) {
                            errors.incrementAndGet();
                        }
                        key.cancel();
                        closeQuietly(ch);
                        inflight--;
                    }
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                closeQuietly((SocketChannel) key.channel());
            }
        } catch (IOException e) {
            errors.incrementAndGet();
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to do for a flood socket
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
