package dev.snow.sim.engine;

import java.util.Arrays;

/**
 * Things due at instants, ordered by (time, sequence): earlier time first, and among items at
 * the same instant the one pushed with the smaller sequence. A binary heap over parallel
 * primitive arrays: cheap to sift, and ordering never depends on object identity or hash codes.
 * The simulation's event queue; also the invariants' watchdog.
 */
public final class EventQueue<T> {
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private Object[] events = new Object[1024];
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the next event, or {@link Long#MAX_VALUE} when empty. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    public void push(long time, long seq, T event) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            events = Arrays.copyOf(events, n);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(time, seq, times[parent], seqs[parent])) {
                break;
            }
            times[i] = times[parent];
            seqs[i] = seqs[parent];
            events[i] = events[parent];
            i = parent;
        }
        times[i] = time;
        seqs[i] = seq;
        events[i] = event;
    }

    /** The head without removing it, or null when empty. */
    @SuppressWarnings("unchecked")
    public T peek() {
        return size == 0 ? null : (T) events[0];
    }

    /** Removes the head; read its time with {@link #peekTime()} first. */
    @SuppressWarnings("unchecked")
    public T pop() {
        T head = (T) events[0];
        int last = --size;
        long t = times[last];
        long s = seqs[last];
        Object e = events[last];
        events[last] = null;
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && less(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!less(times[child], seqs[child], t, s)) {
                break;
            }
            times[i] = times[child];
            seqs[i] = seqs[child];
            events[i] = events[child];
            i = child;
        }
        if (last > 0) {
            times[i] = t;
            seqs[i] = s;
            events[i] = e;
        }
        return head;
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}
