package dev.snow.bench;

import dev.snow.ref.transport.HostPort;
import dev.snow.ref.transport.TlsProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The harness's handle on a {@link BenchNode} child JVM. */
final class ChildNode implements ServerUnderTest {
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    final HostPort address;
    final String tls;

    ChildNode(List<String> jvmArgs, TlsProvider tls, long heartbeatIntervalMs, long heartbeatTimeoutMs, int maxPending)
            throws IOException {
        this(jvmArgs, tls, heartbeatIntervalMs, heartbeatTimeoutMs, maxPending, List.of());
    }

    /** With {@code extra} node arguments after max-pending (see {@link BenchNode}). */
    ChildNode(List<String> jvmArgs, TlsProvider tls, long heartbeatIntervalMs, long heartbeatTimeoutMs, int maxPending,
              List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BenchNode.class.getName());
        cmd.add(tls.option());
        cmd.add(Long.toString(heartbeatIntervalMs));
        cmd.add(Long.toString(heartbeatTimeoutMs));
        cmd.add(Integer.toString(maxPending));
        cmd.addAll(extra);
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = out.readLine();
        while (first != null && !first.startsWith("port ")) {
            first = out.readLine();
        }
        if (first == null) {
            throw new IOException("node under test did not start: " + first);
        }
        String[] parts = first.split(" ");
        address = new HostPort("127.0.0.1", Integer.parseInt(parts[1]));
        this.tls = parts[3];
    }

    @Override
    public HostPort address() {
        return address;
    }

    long pid() {
        return process.pid();
    }

    /** Asks the child for its stats line (after a full GC); keys as in {@link BenchNode}. */
    Map<String, Long> stats() throws IOException {
        return stats("stats");
    }

    /** Stats without a GC, for the edges of a measurement window. */
    @Override
    public Map<String, Long> quickStats() throws IOException {
        return stats("stats nogc");
    }

    private Map<String, Long> stats(String command) throws IOException {
        in.println(command);
        String line = out.readLine();
        while (line != null && !line.startsWith("stats ")) {
            line = out.readLine();
        }
        if (line == null || !line.startsWith("stats ")) {
            throw new IOException("no stats from the node under test: " + line);
        }
        return StatsLine.parse(line);
    }

    @Override
    public void close() throws InterruptedException {
        in.println("quit");
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
