package dev.snow.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Collects setup latencies once recording is switched on; counts successes and failures. */
final class Recorder {
    private long[] samples = new long[1 << 14];
    private int size;
    private volatile boolean recording;
    final AtomicLong completed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    void start() {
        synchronized (this) {
            size = 0;
        }
        completed.set(0);
        failed.set(0);
        recording = true;
    }

    void stop() {
        recording = false;
    }

    void success(long nanos) {
        if (!recording) {
            return;
        }
        completed.incrementAndGet();
        synchronized (this) {
            if (size == samples.length) {
                samples = java.util.Arrays.copyOf(samples, size * 2);
            }
            samples[size++] = nanos;
        }
    }

    void failure() {
        if (recording) {
            failed.incrementAndGet();
        }
    }

    synchronized long[] samples() {
        return java.util.Arrays.copyOf(samples, size);
    }
}
