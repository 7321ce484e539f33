package dev.snow.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven through the DevTools protocol (JSON over a WebSocket on
 * loopback, with the JDK's own client): navigate, evaluate JavaScript, wait for a condition
 * with a deadline. No browser is downloaded.
 */
final class Chromium implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** The browser binary, if this machine has one (SNOW_CHROMIUM overrides). */
    static Optional<Path> find() {
        String env = System.getenv("SNOW_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(Files::isExecutable);
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    Chromium(Path binary, Path profile, Duration deadline) throws IOException, InterruptedException {
        this.profile = profile;
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=1400,1000", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long end = System.nanoTime() + deadline.toNanos();
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (!process.isAlive() || System.nanoTime() > end) {
                close();
                throw new IOException("chromium did not open its DevTools port within " + deadline.toSeconds() + " s (log: "
                        + profile.resolveSibling("chromium.log") + ")");
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        String port = Files.readAllLines(portFile).get(0).strip();
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        while (pageSocket == null) {
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode t : JSON.readTree(list.body())) {
                if ("page".equals(t.path("type").asText())) {
                    pageSocket = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageSocket == null && System.nanoTime() > end) {
                close();
                throw new IOException("chromium shows no page target");
            }
            if (pageSocket == null) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).join();
    }

    /** Sends one DevTools command and waits for its result. */
    JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(msg.toString(), true).join();
        JsonNode reply = f.orTimeout(30, TimeUnit.SECONDS).join();
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    void navigate(String url) {
        send("Page.navigate", JSON.createObjectNode().put("url", url));
    }

    /** The value of a JavaScript expression (awaited when it is a promise). */
    JsonNode evaluate(String expression) {
        JsonNode r = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Evaluates the expression until its value passes, or fails naming the last value seen. */
    JsonNode await(String what, String expression, Predicate<JsonNode> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        JsonNode v = null;
        while (System.nanoTime() < end) {
            try {
                v = evaluate(expression);
            } catch (IllegalStateException pageNotReady) {
                v = Chromium.JSON.getNodeFactory().textNode(pageNotReady.getMessage()); // e.g. no document.body yet
            }
            if (v != null && done.test(v)) {
                return v;
            }
            evaluate("new Promise(r => setTimeout(r, 100))");
        }
        throw new AssertionError(what + ": not seen within " + deadline.toSeconds() + " s; last value: " + v);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        // Chromium's helpers (renderer, zygote, crashpad) outlive the main process and keep writing
        // to the profile: end them all and wait, so the test's temporary directory can be removed.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle h : all) {
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    h.destroyForcibly();
                    h.onExit().get(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(ProcessHandle::destroyForcibly);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode msg = JSON.readTree(text);
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    }
                } catch (IOException e) {
                    // not a message of ours
                }
            }
            ws.request(1);
            return null;
        }
    }
}
