package dev.snow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snow.ref.transport.HostPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Both flood sources against a plain loopback listener: they count what the listener closed
 * and what they reset at the hold limit, and leave no socket open once closed. No rate is
 * asserted (that is the benchmark's business); every wait has a deadline.
 */
class FloodSourcesTest {

    @Test
    void theJvmFloodCountsTheListenersClosesAndLeavesNoSocketOpen() throws Exception {
        try (Listener l = Listener.closingEachAccept()) {
            ConnectFlood flood = new ConnectFlood("127.0.0.2", l.address(), 500, 1, 200, 5_000);
            try (flood) {
                flood.start();
                awaitAtLeast(() -> flood.counters().closedByNode(), 50, "connections the listener closed");
            }
            assertThat(l.accepted.get()).isGreaterThanOrEqualTo(50);
            assertThat(flood.openSockets()).as("flood sockets left open after close").isZero();
        }
    }

    @Test
    void theJvmFloodResetsWhatTheListenerNeverCloses() throws Exception {
        try (Listener l = Listener.neverAccepting()) {
            ConnectFlood flood = new ConnectFlood("127.0.0.2", l.address(), 500, 1, 200, 50);
            try (flood) {
                flood.start();
                awaitAtLeast(() -> flood.counters().abandoned(), 50, "connections reset at the 50 ms hold limit");
            }
            assertThat(flood.counters().closedByNode()).isZero();
            assertThat(flood.openSockets()).isZero();
        }
    }

    @Test
    void theNativeFloodCountsTheListenersClosesAndLeavesNoSocketOpen() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Listener l = Listener.closingEachAccept()) {
            NativeFlood flood = NativeFlood.create("127.0.0.2", l.address(), 500, 1_000, 5_000,
                    new PrintStream(log, true, StandardCharsets.UTF_8));
            Assumptions.assumeTrue(flood != null, () -> "no C compiler here: " + log);
            try (flood) {
                flood.start();
                awaitAtLeast(() -> flood.counters().closedByNode(), 50, "connections the listener closed");
            }
            assertThat(flood.openSockets()).as("sockets snow-flood held when it quit").isZero();
        }
    }

    @Test
    void floodsDialLoopbackOnly() {
        assertThatThrownBy(() -> new ConnectFlood("10.0.0.2", new HostPort("127.0.0.1", 9), 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback only");
    }

    /** A counter that throws checked exceptions, read until it reaches {@code at} or 20 s pass. */
    private interface Counter {
        long get() throws Exception;
    }

    private static void awaitAtLeast(Counter c, long at, String what) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long v = c.get();
        while (v < at && System.nanoTime() < deadline) {
            Thread.sleep(20);
            v = c.get();
        }
        assertThat(v).as(what + " within 20 s").isGreaterThanOrEqualTo(at);
    }

    /** A loopback listener that closes every connection at once, or never accepts. */
    private static final class Listener implements AutoCloseable {
        private final ServerSocketChannel server;
        private final Thread thread;
        final AtomicLong accepted = new AtomicLong();

        private Listener(boolean accept) throws IOException {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress("127.0.0.1", 0), accept ? 1024 : 1);
            thread = new Thread(() -> {
                try {
                    while (accept) {
                        SocketChannel c = server.accept();
                        accepted.incrementAndGet();
                        c.close();
                    }
                } catch (IOException closed) {
                    // the listener was closed: the test is over
                }
            }, "listener");
            thread.setDaemon(true);
            thread.start();
        }

        static Listener closingEachAccept() throws IOException {
            return new Listener(true);
        }

        static Listener neverAccepting() throws IOException {
            return new Listener(false);
        }

        HostPort address() throws IOException {
            return new HostPort("127.0.0.1", ((InetSocketAddress) server.getLocalAddress()).getPort());
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(5_000);
        }
    }
}
