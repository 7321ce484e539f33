package dev.snow.conformance.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One adapter process (docs/ADAPTER.md) started from a command template with {@code /bin/sh -c}:
 * JSON lines on stdin and stdout, logs on stderr. Every wait has a deadline; every contract
 * breach (no {@code ready}, a stdout line that is not a JSON object, a reply that does not match,
 * the process exiting) becomes an {@link AdapterException} with one clear message, and everything
 * exchanged is kept in the {@link AdapterLog}.
 */
public final class AdapterProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final String command;
    private final Process process;
    private final Writer stdin;
    private final AdapterLog log = new AdapterLog();
    private final EventLog events = new EventLog();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> secrets;
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private volatile String breach;
    private volatile boolean stopping;

    private AdapterProcess(String label, String command, Process process, List<String> secrets) {
        this.label = label;
        this.command = command;
        this.process = process;
        this.secrets = new java.util.concurrent.CopyOnWriteArrayList<>(secrets);
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdoutReader = new Thread(this::readStdout, "adapter-stdout-" + label);
        this.stderrReader = new Thread(this::readStderr, "adapter-stderr-" + label);
        stdoutReader.setDaemon(true);
        stderrReader.setDaemon(true);
        stdoutReader.start();
        stderrReader.start();
    }

    /**
     * Starts {@code command} and waits up to {@code readyTimeout} for its {@code ready} line.
     * {@code secrets} (the cookie) are masked in the log of what the suite sent.
     */
    public static AdapterProcess launch(String label, String command, Path workdir, Map<String, String> env,
                                        Duration readyTimeout, List<String> secrets) {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(workdir.toFile());
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AdapterException("cannot start the adapter of " + label + " (" + command + "): " + e.getMessage(), e);
        }
        AdapterProcess a = new AdapterProcess(label, command, p, secrets);
        a.awaitReady(readyTimeout);
        return a;
    }

    private void awaitReady(Duration timeout) {
        JsonNode r;
        try {
            r = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String why = "the adapter of " + label + " did not say ready within " + timeout.toSeconds() + " s"
                    + " (command: " + command + "); stderr: " + log.stderrTail(5);
            kill();
            throw new AdapterException(why);
        } catch (ExecutionException e) {
            kill();
            throw (AdapterException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new AdapterException("interrupted while waiting for the adapter of " + label);
        }
        String version = r.path("adapter").asText("");
        if (!"1".equals(version)) {
            kill();
            throw new AdapterException("the adapter of " + label + " speaks contract version \"" + version
                    + "\"; this suite speaks \"1\" (its ready line: " + r + ")");
        }
    }

    public String label() {
        return label;
    }

    public String command() {
        return command;
    }

    /** Masks {@code secret} in the log of what the suite sends from now on. */
    public void addSecret(String secret) {
        secrets.add(secret);
    }

    /** The adapter's {@code ready} line. */
    public JsonNode readyLine() {
        return ready.getNow(null);
    }

    public AdapterLog log() {
        return log;
    }

    public EventLog events() {
        return events;
    }

    /** The adapter's process (the interop matrix freezes it with SIGSTOP to silence a node). */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, or null while running. */
    public Integer exitStatus() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** A new command object with {@code cmd} and a fresh {@code id}. */
    public ObjectNode command(String cmd) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", ids.incrementAndGet());
        n.put("cmd", cmd);
        return n;
    }

    /**
     * Sends {@code command} and returns the reply with its {@code id} (success or error), waiting
     * up to {@code timeout}.
     */
    public JsonNode request(ObjectNode command, Duration timeout) {
        int id = command.get("id").asInt();
        String cmd = command.path("cmd").asText();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        writeLine(command.toString());
        JsonNode reply;
        try {
            reply = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.remove(id);
            throw new AdapterException("the adapter of " + label + " did not answer '" + cmd + "' (id " + id + ") within "
                    + timeout.toMillis() + " ms" + deathNote());
        } catch (ExecutionException e) {
            throw (AdapterException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while waiting for '" + cmd + "'");
        }
        String kind = reply.path("reply").asText(null);
        if (!cmd.equals(kind) && !"error".equals(kind)) {
            throw new AdapterException("the adapter of " + label + " answered '" + cmd + "' (id " + id + ") with reply \""
                    + kind + "\"; docs/ADAPTER.md wants \"" + cmd + "\" or \"error\": " + reply);
        }
        return reply;
    }

    /** Like {@link #request} but an {@code error} reply becomes an {@link AdapterErrorReply}. */
    public JsonNode call(ObjectNode command, Duration timeout) {
        JsonNode reply = request(command, timeout);
        if ("error".equals(reply.path("reply").asText()) || !reply.path("ok").asBoolean(false)) {
            throw new AdapterErrorReply(command.path("cmd").asText(), reply.path("code").asText("(no code)"),
                    reply.path("message").asText(null));
        }
        return reply;
    }

    /** Writes a raw line (adapter-contract tests send malformed ones on purpose). */
    public void writeLine(String line) {
        String shown = line;
        for (String s : secrets) {
            shown = shown.replace(s, "<secret>").replace(jsonEscaped(s), "<secret>");
        }
        log.add(AdapterLog.Stream.SENT, shown);
        try {
            synchronized (stdin) {
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            // A broken pipe: the adapter closed its stdin, usually by exiting; let the exit be
            // reaped so the message says "exited with status N" rather than only the pipe error.
            awaitExit(Duration.ofSeconds(2));
            throw new AdapterException("cannot write to the adapter of " + label + " (" + e.getMessage() + ")" + deathNote());
        }
    }

    private void awaitExit(Duration atMost) {
        try {
            process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why the process is gone, for messages; empty while it runs. */
    public String deathNote() {
        if (process.isAlive()) {
            return breach == null ? "" : "; earlier contract breach: " + breach;
        }
        return "; the adapter exited with status " + process.exitValue() + (process.exitValue() == 127
                ? " (command not found?)" : "") + "; stderr: " + log.stderrTail(8);
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.add(AdapterLog.Stream.STDOUT, line);
                onLine(line);
            }
        } catch (IOException e) {
            log.add(AdapterLog.Stream.STDERR, "[suite] reading the adapter's stdout failed: " + e);
        }
        onStdoutClosed();
    }

    private void onLine(String line) {
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            breach("a stdout line is not a JSON object: " + abbreviate(line));
            return;
        }
        if (!ready.isDone()) {
            if ("ready".equals(json.path("event").asText())) {
                ready.complete(json);
            } else {
                breach("the first stdout line must be the ready event, got: " + abbreviate(line));
            }
            return;
        }
        if (json.has("event")) {
            events.add(json);
            return;
        }
        JsonNode id = json.get("id");
        CompletableFuture<JsonNode> f = id != null && id.canConvertToInt() ? pending.remove(id.asInt()) : null;
        if (f != null) {
            f.complete(json);
        } else if (id == null || id.isNull()) {
            log.add(AdapterLog.Stream.STDERR, "[suite] reply without id (to a malformed line?): " + line);
        } else {
            breach("a reply carries id " + id + " which no pending command has: " + abbreviate(line));
        }
    }

    private void breach(String what) {
        String msg = "the adapter of " + label + " broke docs/ADAPTER.md: " + what;
        if (breach == null) {
            breach = msg;
        }
        log.add(AdapterLog.Stream.STDERR, "[suite] " + msg);
        AdapterException e = new AdapterException(msg);
        if (!ready.isDone()) {
            ready.completeExceptionally(e);
        }
    }

    private void onStdoutClosed() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String why = stopping ? "the adapter was stopped" : "the adapter closed its stdout" + deathNote();
        events.end(why);
        AdapterException e = new AdapterException((stopping ? "" : "the adapter of " + label + " went away: ") + why);
        ready.completeExceptionally(new AdapterException("the adapter of " + label + " ended before saying ready"
                + " (command: " + command + ")" + deathNote()));
        for (CompletableFuture<JsonNode> f : pending.values()) {
            f.completeExceptionally(e);
        }
        pending.clear();
    }

    private void readStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.add(AdapterLog.Stream.STDERR, line);
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    private static String jsonEscaped(String s) {
        try {
            String q = JSON.writeValueAsString(s);
            return q.substring(1, q.length() - 1);
        } catch (JsonProcessingException e) {
            return s;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** Marks the process as being stopped on purpose (its exit is then not reported as a crash). */
    public void stopping() {
        stopping = true;
    }

    /**
     * Ends the process: closes stdin (the adapter stops as on {@code stop}), waits up to
     * {@code grace}, then kills it and every process it started.
     */
    public void close(Duration grace) {
        stopping = true;
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException ignored) {
            // already closed
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.add(AdapterLog.Stream.STDERR, "[suite] the adapter did not exit within " + grace.toMillis() + " ms of stdin EOF; killing it");
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        try {
            stdoutReader.join(2000);
            stderrReader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
