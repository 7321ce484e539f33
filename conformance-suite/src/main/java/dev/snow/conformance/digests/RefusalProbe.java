package dev.snow.conformance.digests;

import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.Incoming;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.WireFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One sample of the AUTH-4 loopback trial: on a connection already brought up to
 * STATUS_CHALLENGE, a REPLY whose digest is wrong in its first or last byte; the time from just
 * before the REPLY is written to the close being seen. For the control the tester holds the
 * REPLY back for {@code holdNanos} inside the timed span, busy-waiting as a leaking comparison
 * would.
 * <p>
 * Connection set-up (TCP, TLS, NAME, STATUS_CHALLENGE) is most of a sample's cost and, on a
 * loaded machine, mostly waiting to be scheduled; so {@link #BATCH} connections are prepared in
 * parallel, and only then timed one by one, never while another is being set up.
 */
final class RefusalProbe implements SequentialTimingTrial.Probe, AutoCloseable {
    static final int BATCH = 12;

    private record Ready(PeerConnection c, byte[] challenge) {
    }

    private final Tester t;
    private final Iut iut;
    private final ExecutorService prepare = Executors.newFixedThreadPool(BATCH, r -> {
        Thread th = new Thread(r, "auth4-prepare");
        th.setDaemon(true);
        return th;
    });
    private final Deque<Ready> ready = new ArrayDeque<>();
    private final StringBuilder samples = new StringBuilder("kind,hold_ns,refusal_ns\n");

    RefusalProbe(Tester t, Iut iut) {
        this.t = t;
        this.iut = iut;
    }

    @Override
    public long sample(SequentialTimingTrial.Kind kind, long holdNanos) {
        if (ready.isEmpty()) {
            refill();
        }
        Ready r = ready.poll();
        try (PeerConnection c = r.c()) {
            byte[] digest = HmacSha256.digest(iut.cookie(), r.challenge());
            digest[kind == SequentialTimingTrial.Kind.LAST_BYTE ? 31 : 0] ^= 1;
            byte[] reply = Frames.reply(digest, t.challenge());
            long start = System.nanoTime();
            while (System.nanoTime() - start < holdNanos) {
                Thread.onSpinWait();
            }
            c.send(reply);
            Incoming.Closed closed = c.expectClosed(t.timeouts().close(), "AUTH-6");
            long took = closed.atNanos() - start;
            samples.append(kind).append(',').append(holdNanos).append(',').append(took).append('\n');
            return took;
        }
    }

    private void refill() {
        List<Future<Ready>> pending = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            pending.add(prepare.submit(this::prepareOne));
        }
        AssertionError failed = null;
        for (Future<Ready> f : pending) {
            try {
                ready.add(f.get());
            } catch (ExecutionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof AssertionError a ? a : new AssertionError("AUTH-4 probe: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("AUTH-4 probe: interrupted while preparing connections");
            }
        }
        if (failed != null) {
            ready.forEach(r -> r.c().close());
            ready.clear();
            throw failed;
        }
    }

    private Ready prepareOne() {
        PeerConnection c = t.dial(iut);
        c.send(Frames.name(t.name("timing"), 3));
        WireFrame.StatusChallenge st = c.expect(WireFrame.StatusChallenge.class, t.timeouts().event());
        return new Ready(c, st.challenge());
    }

    /** Every sample in order, warm-up included, for a second look at the data (best effort). */
    void writeSamples(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, samples, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("conformance: cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        ready.forEach(r -> r.c().close());
        ready.clear();
        prepare.shutdownNow();
    }
}
