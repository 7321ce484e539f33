package dev.snow.sim.engine;

/**
 * The virtual clock and the event loop. Time (nanoseconds from the start of the scenario)
 * moves only when {@link #step} pops the next event.
 */
public final class Simulation {
    private final EventQueue<Event> queue = new EventQueue<>();
    private long now;
    private long sequence;
    private long fired;
    private int peakPending;

    /** The current virtual time in nanoseconds. */
    public long now() {
        return now;
    }

    /** Events run so far. */
    public long fired() {
        return fired;
    }

    public int pending() {
        return queue.size();
    }

    /** Schedules {@code event} at {@code time}; the past is refused. */
    public void at(long time, Event event) {
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule at " + time + " ns, the clock is already at " + now + " ns");
        }
        queue.push(time, sequence++, event);
        if (queue.size() > peakPending) {
            peakPending = queue.size();
        }
    }

    /** The most events ever pending at once. */
    public int peakPending() {
        return peakPending;
    }

    public void after(long delay, Event event) {
        at(now + delay, event);
    }

    /** Time of the next event, or {@link Long#MAX_VALUE}. */
    public long nextTime() {
        return queue.peekTime();
    }

    /** Runs the next event if it is due at or before {@code until}; false when none is. */
    public boolean step(long until) {
        if (queue.isEmpty()) {
            return false;
        }
        long t = queue.peekTime();
        if (t > until) {
            return false;
        }
        Event e = queue.pop();
        now = t;
        fired++;
        e.fire(t);
        return true;
    }

    /** Moves the clock to {@code time} without an event (the end of a run). */
    public void advanceTo(long time) {
        if (time > now) {
            now = time;
        }
    }
}
