package dev.snow.ref.transport;

import dev.snow.ref.node.NodeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records a node's events; tests wait on them with deadlines (never fixed sleeps). */
final class EventLog implements NodeListener {
    /** One event as delivered, with the peer address and the instant (System.nanoTime) it came. */
    record Entry(NodeEvent event, String remote, long at) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void onEvent(NodeEvent event, String remote) {
        entries.add(new Entry(event, remote, System.nanoTime()));
        notifyAll();
    }

    /** Index of the next event; pass it to {@link #await} to look only at later events. */
    synchronized int mark() {
        return entries.size();
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized <T extends NodeEvent> List<T> all(Class<T> type) {
        return since(0, type);
    }

    synchronized <T extends NodeEvent> List<T> since(int from, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (int i = from; i < entries.size(); i++) {
            if (type.isInstance(entries.get(i).event())) {
                out.add(type.cast(entries.get(i).event()));
            }
        }
        return out;
    }

    /** The first event at index {@code from} or later that is a {@code type} matching {@code p}. */
    <T extends NodeEvent> T await(Class<T> type, Predicate<T> p, int from, Duration timeout) {
        return type.cast(awaitEntry(type, p, from, timeout).event());
    }

    <T extends NodeEvent> T await(Class<T> type, int from, Duration timeout) {
        return await(type, e -> true, from, timeout);
    }

    synchronized <T extends NodeEvent> Entry awaitEntry(Class<T> type, Predicate<T> p, int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int i = from;
        while (true) {
            for (; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (type.isInstance(e.event()) && p.test(type.cast(e.event()))) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " matching within " + timeout
                        + "; events since " + from + ": " + entries.subList(Math.min(from, entries.size()), entries.size()));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", ex);
            }
        }
    }
}
