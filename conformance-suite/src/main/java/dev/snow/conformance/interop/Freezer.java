package dev.snow.conformance.interop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Freezes and thaws a process tree with SIGSTOP/SIGCONT: a frozen node keeps its sockets open
 * but answers nothing, which is how a real peer dies without closing (HB-3) or vanishes
 * before it restarts (STATUS-6).
 */
final class Freezer {
    private Freezer() {
    }

    static void freeze(ProcessHandle p) {
        signal("-STOP", p);
    }

    static void thaw(ProcessHandle p) {
        signal("-CONT", p);
    }

    private static void signal(String sig, ProcessHandle p) {
        List<String> cmd = new ArrayList<>(List.of("kill", sig, Long.toString(p.pid())));
        p.descendants().forEach(d -> cmd.add(Long.toString(d.pid())));
        try {
            Process k = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!k.waitFor(5, TimeUnit.SECONDS) || k.exitValue() != 0) {
                throw new IllegalStateException("kill " + sig + " failed for " + cmd.subList(2, cmd.size()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + sig + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + sig, e);
        }
    }
}
