package dev.snow.ref.transport;

import java.io.File;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/**
 * Live threads and open file descriptors of this JVM, and a wait for them to come back to a
 * baseline (nothing leaked) with a deadline.
 */
record ProcessResources(int threads, int fds) {

    static ProcessResources now() {
        return new ProcessResources(threadCount(), openFds());
    }

    static int openFds() {
        String[] entries = new File("/proc/self/fd").list();
        return entries == null ? -1 : entries.length;
    }

    /** Waits until threads and fds are at or below this baseline. */
    void awaitBackTo(Duration timeout) {
        Await.until("threads <= " + threads + " and open fds <= " + fds, timeout,
                () -> threadCount() <= threads && (fds < 0 || openFds() <= fds),
                () -> "threads=" + threadCount() + " fds=" + openFds() + " live threads: " + threadNames());
    }

    static int threadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static String threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted()
                .collect(Collectors.joining(", "));
    }
}
