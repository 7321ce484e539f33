package dev.snow.ref.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point of {@code bin/snow-node}. stdout carries only event lines (or adapter protocol
 * lines): anything else that prints to {@code System.out} is sent to stderr instead.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int status = run(args, System.in, stdout, System.err, StopSignal.osSignals());
        stdout.flush();
        System.exit(status);
    }

    /** Runs the command; returns the exit status (0, 1 or 2; see --help). */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, StopSignal stop) {
        CommandLine cli = new CommandLine(new SnowNodeCommand(in, out, err, stop));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("snow-node: " + redactCookie(e.getMessage(), args));
            err.println("Try 'snow-node --help' for more information.");
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof UsageException) {
                err.println("snow-node: " + e.getMessage());
                err.println("Try 'snow-node --help' for more information.");
                return CommandLine.ExitCode.USAGE;
            }
            err.println("snow-node: " + redactCookie(String.valueOf(e), args));
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli.execute(args);
    }

    /** Parse errors may echo arguments; the value given to --cookie never shows (AUTH-7). */
    static String redactCookie(String message, String[] args) {
        String m = message == null ? "" : message;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            String secret = null;
            if (a.equals("--cookie") && i + 1 < list.size()) {
                secret = list.get(i + 1);
            } else if (a.startsWith("--cookie=")) {
                secret = a.substring("--cookie=".length());
            }
            if (secret != null && !secret.isEmpty()) {
                m = m.replace(secret, "<cookie>");
            }
        }
        return m;
    }
}
