package dev.snow.ref.node;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.Connection;

/** One open connection as the node keeps it: the connection, its direction and its timer state. */
final class Slot {
    /** {@link #scheduled} when no timer is pending for the slot. */
    static final long UNSCHEDULED = Long.MIN_VALUE;

    final Connection connection;
    final Direction direction;
    /** The peer's source address for an incoming connection (LIM-5, LIM-6); null when unknown or outgoing. */
    final String source;
    /** The source its pending handshake counts against (LIM-5): {@link #source}, or null when per-source accounting is off. */
    final String bucket;
    /** The deadline of the slot's one live timer, or {@link #UNSCHEDULED}; older heap entries are stale. */
    long scheduled = UNSCHEDULED;
    /** Removed from {@link Slots}: its timers are stale. */
    boolean released;
    /** Its handshake's challenge left the node's issued challenges (AUTH-8). */
    boolean challengeRetired;

    Slot(Connection connection, Direction direction, String source, String bucket) {
        this.connection = connection;
        this.direction = direction;
        this.source = source;
        this.bucket = bucket;
    }

    long id() {
        return connection.id();
    }

    /** True if a timer heap entry at {@code deadline} is this slot's live one, not a stale leftover. */
    boolean armedAt(long deadline) {
        return !released && scheduled == deadline;
    }
}
