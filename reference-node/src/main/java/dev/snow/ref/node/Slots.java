package dev.snow.ref.node;

import dev.snow.ref.collect.LongMap;
import java.util.LinkedHashMap;

/**
 * The node's open connections: by id, the unauthenticated incoming ones oldest first (LIM-2),
 * and the timers that wake them. A slot has at most one live timer, the one at
 * {@link Slot#scheduled}; entries left behind by a reschedule or a release are skipped when they
 * come up, never searched for and removed.
 */
final class Slots {
    /** Connection id to its slot: looked up on every input, so unboxed. */
    private final LongMap<Slot> byId = new LongMap<>();
    /** Unauthenticated incoming connections, oldest first (LIM-2). */
    private final LinkedHashMap<Long, Slot> pendingIncoming = new LinkedHashMap<>();
    /** The same connections by source address (LIM-5). */
    private final PendingSources pendingSources = new PendingSources();
    private final TimerQueue<Slot> timers = new TimerQueue<>();

    void add(Slot slot) {
        byId.put(slot.id(), slot);
    }

    void addPendingIncoming(Slot slot) {
        add(slot);
        pendingIncoming.put(slot.id(), slot);
        pendingSources.add(slot);
    }

    /** The slot of an open connection, or null. */
    Slot get(long id) {
        return byId.get(id);
    }

    /** The connection authenticated: it no longer counts against {@code max_pending_handshakes}. */
    void authenticated(long id) {
        Slot slot = pendingIncoming.remove(id);
        if (slot != null) {
            pendingSources.remove(slot);
        }
    }

    /** Closes the slot's book: no lookups find it, its timers go stale. */
    void remove(Slot slot) {
        slot.released = true;
        byId.remove(slot.id());
        if (pendingIncoming.remove(slot.id()) != null) {
            pendingSources.remove(slot);
        }
    }

    /** Arms the slot's timer at its connection's deadline, unless one is already armed there. */
    void reschedule(Slot slot) {
        if (slot.released) {
            return;
        }
        long deadline = slot.connection.deadline();
        if (deadline == Long.MAX_VALUE || deadline == slot.scheduled) {
            return;
        }
        slot.scheduled = deadline;
        timers.add(deadline, slot);
    }

    /** The next slot whose live timer is due at {@code now}, disarmed; null when none is due. */
    Slot pollDue(long now) {
        while (!timers.isEmpty() && timers.peekDeadline() <= now) {
            long deadline = timers.peekDeadline();
            Slot slot = timers.poll();
            if (slot.armedAt(deadline)) {
                slot.scheduled = Slot.UNSCHEDULED;
                return slot;
            }
        }
        return null;
    }

    /** The earliest live timer's deadline, or {@link Long#MAX_VALUE}; drops stale entries on the way. */
    long nextDeadline() {
        while (!timers.isEmpty()) {
            Slot slot = timers.peek();
            if (slot.armedAt(timers.peekDeadline())) {
                return timers.peekDeadline();
            }
            timers.poll();
        }
        return Long.MAX_VALUE;
    }

    /** The oldest unauthenticated incoming connection, or null. */
    Slot oldestPendingIncoming() {
        return pendingIncoming.isEmpty() ? null : pendingIncoming.values().iterator().next();
    }

    /** The oldest pending connection of the source with the most pending (LIM-5), or null. */
    Slot oldestOfBusiestSource() {
        return pendingSources.oldestOfBusiestSource();
    }

    /** The oldest pending connection from {@code source} (LIM-5), or null. */
    Slot oldestPendingFrom(String source) {
        return pendingSources.oldestOf(source);
    }

    int pendingFrom(String source) {
        return pendingSources.count(source);
    }

    int pendingIncomingCount() {
        return pendingIncoming.size();
    }

    int size() {
        return byId.size();
    }

    /** The ids of every open connection, ascending (a deterministic order for shutdown). */
    long[] idsAscending() {
        return byId.sortedKeys();
    }
}
