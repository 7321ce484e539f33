package dev.snow.ref.node;

import java.util.Arrays;

/**
 * The node's timers, ordered by (deadline, sequence): a binary heap over parallel arrays, so a
 * busy node (thousands of sessions, two reschedules per heartbeat) does not allocate a timer
 * object per reschedule or chase pointers to compare them. Entries are never removed early; the
 * owner skips the ones that went stale (see {@link Slots#pollDue}).
 */
final class TimerQueue<T> {
    private long[] deadlines = new long[16];
    private long[] sequences = new long[16];
    private Object[] items = new Object[16];
    private int size;
    private long nextSequence;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long peekDeadline() {
        return deadlines[0];
    }

    @SuppressWarnings("unchecked")
    T peek() {
        return (T) items[0];
    }

    void add(long deadline, T item) {
        if (size == deadlines.length) {
            deadlines = Arrays.copyOf(deadlines, size * 2);
            sequences = Arrays.copyOf(sequences, size * 2);
            items = Arrays.copyOf(items, size * 2);
        }
        long sequence = nextSequence++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(deadline, sequence, deadlines[parent], sequences[parent])) {
                break;
            }
            deadlines[i] = deadlines[parent];
            sequences[i] = sequences[parent];
            items[i] = items[parent];
            i = parent;
        }
        deadlines[i] = deadline;
        sequences[i] = sequence;
        items[i] = item;
    }

    /** Removes and returns the earliest entry. */
    @SuppressWarnings("unchecked")
    T poll() {
        T head = (T) items[0];
        int last = --size;
        long d = deadlines[last];
        long s = sequences[last];
        Object item = items[last];
        items[last] = null;
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(deadlines[right], sequences[right], deadlines[child], sequences[child])) {
                child = right;
            }
            if (!before(deadlines[child], sequences[child], d, s)) {
                break;
            }
            deadlines[i] = deadlines[child];
            sequences[i] = sequences[child];
            items[i] = items[child];
            i = child;
        }
        if (last > 0) {
            deadlines[i] = d;
            sequences[i] = s;
            items[i] = item;
        }
        return head;
    }

    private static boolean before(long d1, long s1, long d2, long s2) {
        return d1 < d2 || (d1 == d2 && s1 < s2);
    }
}
