package dev.snow.conformance.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The events of one adapter process, in arrival order; waits have deadlines. */
public final class EventLog {
    private final List<Event> events = new ArrayList<>();
    private String endedBecause;

    synchronized void add(com.fasterxml.jackson.databind.JsonNode json) {
        events.add(new Event(json, System.nanoTime(), events.size()));
        notifyAll();
    }

    /** No more events will come (the process is gone); waiting stops with {@code why}. */
    synchronized void end(String why) {
        endedBecause = why;
        notifyAll();
    }

    /** The index of the next event. */
    public synchronized int mark() {
        return events.size();
    }

    public synchronized List<Event> since(int mark) {
        return new ArrayList<>(events.subList(Math.min(mark, events.size()), events.size()));
    }

    /** The first event from {@code mark} on that matches, waiting up to {@code timeout}; null if none. */
    public synchronized Event await(int mark, Predicate<Event> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int i = mark;
        while (true) {
            for (; i < events.size(); i++) {
                if (match.test(events.get(i))) {
                    return events.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || endedBecause != null) {
                return null;
            }
            try {
                wait(Math.max(1, left / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Every event from {@code mark} on that matches, as of now. */
    public synchronized List<Event> matching(int mark, Predicate<Event> match) {
        List<Event> out = new ArrayList<>();
        for (Event e : since(mark)) {
            if (match.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Why the log ended, or null while the process runs. */
    public synchronized String endedBecause() {
        return endedBecause;
    }
}
