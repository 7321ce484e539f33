package dev.snow.ref.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snow.ref.transport.TlsProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs an {@link Adapter} in this JVM over pipes and plays the suite's side: send a line,
 * read replies and events with deadlines. Events read while waiting for a reply are kept.
 */
final class AdapterDriver implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream toAdapter;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    private final CompletableFuture<Integer> exit;

    AdapterDriver() throws IOException {
        this(AdapterVariant.REAL);
    }

    /** With a variant of the reference (a conformance mutant, docs/MUTATION.md). */
    AdapterDriver(AdapterVariant variant) throws IOException {
        PipedOutputStream in = new PipedOutputStream();
        PipedInputStream adapterIn = new PipedInputStream(in, 1 << 16);
        PrintStream adapterOut = new PrintStream(new LineCollector(lines), true, StandardCharsets.UTF_8);
        this.toAdapter = in;
        Adapter adapter = new Adapter(adapterIn, adapterOut, TlsProvider.JDK, variant);
        this.exit = CompletableFuture.supplyAsync(() -> {
            try {
                return adapter.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The adapter's stdout, cut into lines as they are written. */
    private static final class LineCollector extends OutputStream {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineCollector(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }

    void send(String line) throws IOException {
        transcript.add("> " + line);
        toAdapter.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toAdapter.flush();
    }

    /** Sends raw bytes, no newline added. */
    void sendRaw(byte[] bytes) throws IOException {
        toAdapter.write(bytes);
        toAdapter.flush();
    }

    void closeInput() throws IOException {
        toAdapter.close();
    }

    /** The next line from the adapter, parsed. */
    JsonNode next() throws IOException {
        try {
            String line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("no line from the adapter within " + WAIT + "; transcript:\n" + String.join("\n", transcript));
            }
            transcript.add("< " + line);
            return JSON.readTree(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Reads until the reply with {@code id}; events on the way are kept for {@link #awaitEvent}. */
    JsonNode reply(long id) throws IOException {
        while (true) {
            JsonNode n = next();
            if (n.has("event")) {
                events.add(n);
            } else if (n.path("id").asLong(-1) == id) {
                return n;
            } else {
                throw new AssertionError("expected the reply to " + id + ", got " + n);
            }
        }
    }

    /** Sends a command and returns its reply. */
    JsonNode command(long id, String json) throws IOException {
        send(json);
        return reply(id);
    }

    /** The first kept or later event matching {@code p}, consumed. */
    JsonNode awaitEvent(Predicate<JsonNode> p) throws IOException {
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return events.remove(i);
            }
        }
        while (true) {
            JsonNode n = next();
            if (n.has("event") && p.test(n)) {
                return n;
            }
            if (n.has("event")) {
                events.add(n);
            } else {
                throw new AssertionError("unexpected reply while waiting for an event: " + n);
            }
        }
    }

    List<JsonNode> keptEvents() {
        return events;
    }

    List<String> transcript() {
        return transcript;
    }

    int exitStatus() throws Exception {
        return exit.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        toAdapter.close();
        try {
            exit.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IOException("adapter did not end after end of input", e);
        }
    }
}
