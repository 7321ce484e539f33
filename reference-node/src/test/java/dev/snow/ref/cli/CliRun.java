package dev.snow.ref.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Runs {@code snow-node} in this JVM with captured stdout/stderr and a hand-triggered stop. */
final class CliRun {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final StopSignal.Manual stop = new StopSignal.Manual();

    static CliRun of() {
        return new CliRun();
    }

    int run(String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]), print(out), print(err), stop);
    }

    CompletableFuture<Integer> runInBackground(String... args) {
        return CompletableFuture.supplyAsync(() -> run(args));
    }

    String out() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                synchronized (sink) {
                    sink.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (sink) {
                    sink.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
