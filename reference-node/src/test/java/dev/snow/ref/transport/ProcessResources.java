package dev.snow.ref.transport;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Live threads and open file descriptors of this JVM, and a wait for them to come back to a
 * baseline (nothing leaked) with a deadline.
 */
record ProcessResources(int threads, int fds) {

    static ProcessResources now() {
        return new ProcessResources(Thread.activeCount(), openFds());
    }

    static int openFds() {
        String[] entries = new File("/proc/self/fd").list();
        return entries == null ? -1 : entries.length;
    }

    /** Waits until threads and fds are at or below this baseline. */
    void awaitBackTo(Duration timeout) {
        Await.until("threads <= " + threads + " and open fds <= " + fds, timeout,
                () -> Thread.activeCount() <= threads && (fds < 0 || openFds() <= fds),
                () -> "threads=" + Thread.activeCount() + " fds=" + openFds() + " live threads: " + threadNames());
    }

    private static String threadNames() {
        Thread[] all = new Thread[Thread.activeCount() + 8];
        int n = Thread.enumerate(all);
        return Arrays.stream(all, 0, n).map(Thread::getName).sorted().collect(Collectors.joining(", "));
    }
}
