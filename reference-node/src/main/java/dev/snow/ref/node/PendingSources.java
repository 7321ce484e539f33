package dev.snow.ref.node;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unauthenticated incoming connections grouped by source address (LIM-5), each source's
 * oldest first. One source's flood only ever evicts that source's own handshakes: a new
 * connection from a source at {@code max_pending_per_source} evicts the source's oldest, and at
 * {@code max_pending_handshakes} the eviction of LIM-2 picks the oldest connection of the
 * source with the most pending (ties: the source whose oldest is oldest).
 *
 * <p>Sources iterate in insertion order and ties break on the connection id, so the choice is
 * deterministic (the simulator replays runs). Memory is bounded by the pending connections themselves: a source's entry is dropped with
 * its last pending connection.
 */
final class PendingSources {
    /** The bucket of connections whose transport gave no source address. */
    static final String UNKNOWN = "unknown";

    private final Map<String, LinkedHashMap<Long, Slot>> bySource = new LinkedHashMap<>();

    void add(Slot slot) {
        bySource.computeIfAbsent(key(slot.bucket), k -> new LinkedHashMap<>()).put(slot.id(), slot);
    }

    /** Forgets the slot (authenticated or released); a no-op when it was not pending. */
    void remove(Slot slot) {
        String key = key(slot.bucket);
        LinkedHashMap<Long, Slot> pending = bySource.get(key);
        if (pending != null && pending.remove(slot.id()) != null && pending.isEmpty()) {
            bySource.remove(key);
        }
    }

    /** How many unauthenticated connections {@code source} has open. */
    int count(String source) {
        LinkedHashMap<Long, Slot> pending = bySource.get(key(source));
        return pending == null ? 0 : pending.size();
    }

    /** The oldest pending connection of {@code source}, or null. */
    Slot oldestOf(String source) {
        LinkedHashMap<Long, Slot> pending = bySource.get(key(source));
        return pending == null ? null : pending.values().iterator().next();
    }

    /** The oldest pending connection of the source with the most pending, or null when none is pending. */
    Slot oldestOfBusiestSource() {
        Slot pick = null;
        int most = 0;
        for (Iterator<LinkedHashMap<Long, Slot>> it = bySource.values().iterator(); it.hasNext(); ) {
            LinkedHashMap<Long, Slot> pending = it.next();
            Slot oldest = pending.values().iterator().next();
            if (pending.size() > most || (pending.size() == most && oldest.id() < pick.id())) {
                most = pending.size();
                pick = oldest;
            }
        }
        return pick;
    }

    int sources() {
        return bySource.size();
    }

    private static String key(String source) {
        return source == null ? UNKNOWN : source;
    }
}
