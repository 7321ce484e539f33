package dev.snow.sim.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One implementation-under-test process speaking the adapter contract (docs/ADAPTER.md): JSON
 * lines, commands with an {@code id} on stdin, replies and events on stdout, logs on stderr
 * (appended to a file, never parsed). The first line must be {@code ready} with adapter "1".
 * Events go to the listener from the reader thread, stamped with the wall clock on arrival.
 */
final class Adapter implements AutoCloseable {
    static final long READY_TIMEOUT_MS = 30_000;
    static final long REPLY_TIMEOUT_MS = 10_000;
    /** A cold process's first start (keys, certificate, listener) on a busy machine can take many seconds. */
    static final long START_TIMEOUT_MS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final Process process;
    private final OutputStream stdin;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> ready = new LinkedBlockingQueue<>();
    private volatile Consumer<Event> listener = e -> { };
    private long nextId = 1;
    private volatile String implementation = "?";

    /** An adapter event ({@code node_up}, {@code node_down}, {@code handshake_failed}) and when it was read. */
    record Event(long wallNanos, JsonNode json) {
    }

    private Adapter(String label, Process process) {
        this.label = label;
        this.process = process;
        this.stdin = process.getOutputStream();
    }

    /** Starts {@code command} with {@code sh -c}, stderr appended to {@code log}, and waits for {@code ready}. */
    static Adapter spawn(String label, String command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Adapter a = new Adapter(label, pb.start());
        Thread reader = new Thread(a::readLoop, "adapter-" + label);
        reader.setDaemon(true);
        reader.start();
        return a;
    }

    /** Waits for the {@code ready} line; the message names what came instead. */
    void awaitReady() throws IOException {
        JsonNode r;
        try {
            r = ready.poll(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for ready from " + label);
        }
        if (r == null) {
            throw new IOException(label + ": no 'ready' line within " + READY_TIMEOUT_MS + " ms (ADAPTER: the first line must be ready)"
                    + (process.isAlive() ? "" : "; the process exited with status " + process.exitValue()));
        }
        if (r.has("error")) {
            throw new IOException(label + ": " + r.get("error").asText());
        }
        if (!"1".equals(r.path("adapter").asText())) {
            throw new IOException(label + ": ready names adapter version '" + r.path("adapter").asText() + "', this runner speaks \"1\"");
        }
        implementation = r.path("implementation").asText("?") + " " + r.path("version").asText("");
    }

    String implementation() {
        return implementation;
    }

    void onEvent(Consumer<Event> l) {
        this.listener = l;
    }

    /** Sends a command (its {@code cmd} and fields) and returns the future reply. */
    synchronized CompletableFuture<JsonNode> send(String cmd, Map<String, Object> fields) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        long id = nextId++;
        o.put("id", id);
        o.put("cmd", cmd);
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            o.set(f.getKey(), JSON.valueToTree(f.getValue()));
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        stdin.write((JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        return reply;
    }

    /** Sends a command and waits for its reply; an error reply or a timeout is an IOException naming both. */
    JsonNode call(String cmd, Map<String, Object> fields) throws IOException {
        long timeout = cmd.equals("start") ? START_TIMEOUT_MS : REPLY_TIMEOUT_MS;
        try {
            JsonNode r = send(cmd, fields).get(timeout, TimeUnit.MILLISECONDS);
            if (!r.path("ok").asBoolean(false)) {
                throw new IOException(label + ": " + cmd + " failed: " + r);
            }
            return r;
        } catch (TimeoutException e) {
            throw new IOException(label + ": no reply to " + cmd + " within " + timeout + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + cmd);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(label + ": " + cmd + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                JsonNode j;
                try {
                    j = JSON.readTree(line);
                } catch (IOException e) {
                    j = null;
                }
                if (j == null || !j.isObject()) {
                    if (first) {
                        ready.add(JSON.createObjectNode().put("error", "the first line is not a JSON object: " + abbreviate(line)));
                    }
                    continue;
                }
                if (first) {
                    first = false;
                    if (!"ready".equals(j.path("event").asText())) {
                        ready.add(JSON.createObjectNode().put("error", "the first line is not 'ready': " + abbreviate(line)));
                        continue;
                    }
                    ready.add(j);
                    continue;
                }
                if (j.hasNonNull("id") && j.has("reply")) {
                    CompletableFuture<JsonNode> f = pending.remove(j.get("id").asLong());
                    if (f != null) {
                        f.complete(j);
                    }
                } else if (j.has("event")) {
                    listener.accept(new Event(now, j));
                }
            }
        } catch (IOException e) {
            // the process went away: pending replies fail below
        }
        for (CompletableFuture<JsonNode> f : pending.values()) {
            f.completeExceptionally(new IOException(label + " closed its stdout"));
        }
        if (ready.isEmpty()) {
            ready.add(JSON.createObjectNode().put("error", "the process closed stdout before 'ready'"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * A host crash: the process and its children are stopped (SIGSTOP), not killed, so their
     * sockets stay open and silent: no FIN, no RST, no answer. {@link #kill} ends them later.
     */
    void freeze() throws IOException {
        List<Long> pids = new ArrayList<>();
        process.descendants().forEach(h -> pids.add(h.pid()));
        pids.add(process.pid());
        for (long pid : pids) {
            try {
                Process k = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).redirectErrorStream(true).start();
                k.getInputStream().readAllBytes();
                k.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while freezing " + label);
            }
        }
    }

    /** The process and every child it started die at once (kill -9): the kernel closes their sockets. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes stdin (the contract: the adapter stops and exits), waits up to 5 s, then kills. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
