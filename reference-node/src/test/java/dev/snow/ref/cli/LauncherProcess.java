package dev.snow.ref.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code bin/snow-node} as a real process, run with this test's JVM: stdout lines are kept in
 * order for waiting on, stderr is kept whole.
 */
final class LauncherProcess implements AutoCloseable {
    static final Path LAUNCHER = Path.of("..", "bin", "snow-node").toAbsolutePath().normalize();
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;
    private int seen;

    LauncherProcess(Path launcher, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        this.process = pb.start();
        this.outReader = pump(process.getInputStream(), line -> {
            synchronized (stdout) {
                stdout.add(line);
                stdout.notifyAll();
            }
        });
        this.errReader = pump(process.getErrorStream(), line -> {
            synchronized (stderr) {
                stderr.append(line).append('\n');
            }
        });
    }

    LauncherProcess(String... args) throws IOException {
        this(LAUNCHER, args);
    }

    private static Thread pump(InputStream in, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // process gone
            }
        }, "launcher-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    long pid() {
        return process.pid();
    }

    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** The next stdout line (after the ones already returned) matching {@code p}. */
    String await(Predicate<String> p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (stdout) {
            while (true) {
                for (; seen < stdout.size(); seen++) {
                    if (p.test(stdout.get(seen))) {
                        return stdout.get(seen++);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no stdout line with " + what + " within " + WAIT + "\nstdout:\n"
                            + String.join("\n", stdout) + "\nstderr:\n" + stderr());
                }
                stdout.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    String awaitContaining(String text) throws InterruptedException {
        return await(l -> l.contains(text), "\"" + text + "\"");
    }

    /** Waits until stderr holds {@code text}. */
    void awaitStderr(String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!stderr().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no \"" + text + "\" on stderr within " + WAIT + "\nstderr:\n" + stderr());
            }
            Thread.sleep(20);
        }
    }

    /** Sends a signal with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    /** Exit status, waiting at most {@code timeout}. */
    int exitWithin(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "\nstderr:\n" + stderr());
        }
        outReader.join(5000);
        errReader.join(5000);
        return process.exitValue();
    }

    List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
