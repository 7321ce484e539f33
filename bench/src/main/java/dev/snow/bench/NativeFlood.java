package dev.snow.bench;

import dev.snow.ref.transport.HostPort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The flood as a child process: {@code snow-flood.c} (a resource of this jar, one epoll loop)
 * compiled with the system's C compiler into a temporary directory at first use. Its stdin
 * takes {@code stats} and {@code quit}; its stdout answers with one {@code stats key=value ...}
 * line (see the C file). Loopback only, like the program itself.
 */
final class NativeFlood implements Flood {
    private static final String SOURCE = "snow-flood.c";
    private final List<String> command;
    private Process process;
    private BufferedReader out;
    private PrintStream in;
    private long lastOpen = -1;

    private NativeFlood(Path binary, String sourceIp, HostPort target, double rate, long maxOpen, long holdMillis) {
        this.command = List.of(binary.toString(), sourceIp, target.host(), Integer.toString(target.port()),
                Long.toString(Math.round(rate)), Long.toString(maxOpen), Long.toString(holdMillis));
    }

    /** The native flood, or null (with the reason on {@code log}) where no C compiler builds it. */
    static NativeFlood create(String sourceIp, HostPort target, double rate, long maxOpen, long holdMillis, PrintStream log) {
        Path binary = compiled(log);
        return binary == null ? null : new NativeFlood(binary, sourceIp, target, rate, maxOpen, holdMillis);
    }

    private static Path compiled;

    private static synchronized Path compiled(PrintStream log) {
        if (compiled != null) {
            return compiled;
        }
        try (InputStream src = NativeFlood.class.getResourceAsStream(SOURCE)) {
            if (src == null) {
                log.println("[flood] " + SOURCE + " is missing from the jar; using the JVM flood");
                return null;
            }
            Path dir = Files.createTempDirectory("snow-flood");
            dir.toFile().deleteOnExit();
            Path c = dir.resolve(SOURCE);
            Files.copy(src, c);
            c.toFile().deleteOnExit();
            Path bin = dir.resolve("snow-flood");
            Process cc = new ProcessBuilder("cc", "-O2", "-o", bin.toString(), c.toString()).redirectErrorStream(true).start();
            String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
                log.println("[flood] cc could not build " + SOURCE + " (" + output.strip() + "); using the JVM flood");
                return null;
            }
            bin.toFile().deleteOnExit();
            compiled = bin;
            return bin;
        } catch (IOException e) {
            log.println("[flood] no C compiler (cc: " + e.getMessage() + "); using the JVM flood");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String kind() {
        return "native (" + SOURCE + ", one epoll loop)";
    }

    @Override
    public void start() throws IOException {
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Override
    public Counters counters() throws IOException {
        Map<String, Long> m = ask("stats");
        lastOpen = m.get("open");
        return new Counters(m.get("offered"), m.get("connected"), m.get("closed_by_node"), m.get("abandoned"), m.get("errors"),
                m.get("starved"));
    }

    @Override
    public long openSockets() {
        return lastOpen;
    }

    private Map<String, Long> ask(String command) throws IOException {
        in.println(command);
        return read();
    }

    private Map<String, Long> read() throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith("stats ")) {
            throw new IOException("snow-flood answered " + line + " (exit " + (process.isAlive() ? "-" : process.exitValue()) + ")");
        }
        return StatsLine.parse(line);
    }

    /** Stops the flood: every socket reset; {@link #openSockets()} then tells what the program still held (0). */
    @Override
    public void close() throws Exception {
        if (process == null || !process.isAlive()) {
            return;
        }
        in.println("quit");
        try {
            lastOpen = read().get("open");
        } finally {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
