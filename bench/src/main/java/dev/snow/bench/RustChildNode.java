package dev.snow.bench;

import dev.snow.ref.transport.HostPort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Rust node (implementations/rust-node) as the node under test, driven through its adapter
 * (docs/ADAPTER.md): started as {@link BenchNode#NAME} with the bench cookie; node_up events
 * are counted from its stdout, CPU is read from /proc/&lt;pid&gt;/stat (Linux, 100 ticks/s).
 */
final class RustChildNode implements ServerUnderTest {
    private static final Pattern PORT = Pattern.compile("\"port\":(\\d+)");
    private final Process process;
    private final PrintStream in;
    private final AtomicLong up = new AtomicLong();
    private final HostPort address;

    /** {@code profile}: "base" or "hardened" (HARD-1), the adapter's start field. */
    RustChildNode(Path exe, int maxPending, String profile) throws IOException {
        process = new ProcessBuilder(List.of(exe.toString(), "--adapter")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        expect(out.readLine(), "\"event\":\"ready\"");
        in.println("{\"id\":1,\"cmd\":\"start\",\"name\":\"" + BenchNode.NAME + "\",\"cookie\":\"" + BenchNode.COOKIE
                + "\",\"host\":\"127.0.0.1\",\"port\":0,\"creation\":1,\"max_pending_handshakes\":" + maxPending
                + ",\"max_pending_per_source\":0,\"profile\":\"" + profile + "\"}");
        String reply = expect(out.readLine(), "\"reply\":\"start\"");
        Matcher m = PORT.matcher(reply);
        if (!m.find()) {
            throw new IOException("the Rust node's start reply has no port: " + reply);
        }
        address = new HostPort("127.0.0.1", Integer.parseInt(m.group(1)));
        Thread t = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("\"event\":\"node_up\"")) {
                        up.incrementAndGet();
                    }
                }
            } catch (IOException ignored) {
                // the node exited
            }
        }, "rust-node-stdout");
        t.setDaemon(true);
        t.start();
    }

    private String expect(String line, String what) throws IOException {
        if (line == null || !line.contains(what)) {
            process.destroyForcibly();
            throw new IOException("the Rust node answered " + line + " where " + what + " was expected");
        }
        return line;
    }

    @Override
    public HostPort address() {
        return address;
    }

    @Override
    public Map<String, Long> quickStats() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long user = Long.parseLong(f[11]);
        long sys = Long.parseLong(f[12]);
        Map<String, Long> m = new HashMap<>();
        m.put("up", up.get());
        m.put("wall_ns", System.nanoTime());
        m.put("user_ticks", user);
        m.put("sys_ticks", sys);
        m.put("cpu_ns", (user + sys) * 10_000_000L);
        return m;
    }

    @Override
    public void close() throws InterruptedException {
        in.println("{\"id\":2,\"cmd\":\"stop\"}");
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
