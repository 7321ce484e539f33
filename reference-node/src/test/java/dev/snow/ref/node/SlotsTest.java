package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.Handshake;
import dev.snow.ref.handshake.NodeName;
import dev.snow.ref.session.Connection;
import org.junit.jupiter.api.Test;

/**
 * The node's connection book on its own: lookups, the LIM-2 order of unauthenticated incoming
 * connections, and timers that go stale instead of being removed. A slot's deadline here is its
 * handshake deadline: opened at {@code t}, with a handshake_timeout of 100, it is due at t+100.
 */
class SlotsTest {
    private static final long HANDSHAKE_TIMEOUT = 100;

    private final Slots slots = new Slots();

    @Test
    void timersComeDueInDeadlineOrderAndOnlyOnce() throws Exception {
        Slot late = incoming(1, 50);
        Slot early = incoming(2, 0);
        slots.reschedule(late);
        slots.reschedule(early);
        slots.reschedule(early);

        assertThat(slots.nextDeadline()).isEqualTo(100);
        assertThat(slots.pollDue(99)).as("nothing due before 100").isNull();
        assertThat(slots.pollDue(200)).isSameAs(early);
        assertThat(slots.pollDue(200)).isSameAs(late);
        assertThat(slots.pollDue(200)).as("each armed once").isNull();
        assertThat(slots.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aRemovedSlotsTimerIsStaleAndItLeavesEveryIndex() throws Exception {
        Slot kept = armedPairWithTheEarlierRemoved();

        assertThat(slots.get(1)).isNull();
        assertThat(slots.size()).isEqualTo(1);
        assertThat(slots.oldestPendingIncoming()).isSameAs(kept);
        assertThat(slots.pollDue(1_000)).as("the stale entry is skipped").isSameAs(kept);
        assertThat(slots.pollDue(1_000)).isNull();
    }

    @Test
    void theNextDeadlineSkipsWhatWasRemovedAndItIsNeverArmedAgain() throws Exception {
        armedPairWithTheEarlierRemoved();

        assertThat(slots.nextDeadline()).isEqualTo(110);
        slots.reschedule(slots.get(2));
        slots.pollDue(110);
        assertThat(slots.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    /** Slot 1 due at 100 and slot 2 due at 110, both armed; then slot 1 removed. Returns slot 2. */
    private Slot armedPairWithTheEarlierRemoved() throws Exception {
        Slot gone = incoming(1, 0);
        Slot kept = incoming(2, 10);
        slots.reschedule(gone);
        slots.reschedule(kept);
        slots.remove(gone);
        slots.reschedule(gone);
        return kept;
    }

    @Test
    void pendingIncomingIsOldestFirstAndAuthenticationTakesAConnectionOut() throws Exception {
        Slot first = incoming(1, 0);
        Slot second = incoming(2, 0);
        incoming(3, 0);

        assertThat(slots.pendingIncomingCount()).isEqualTo(3);
        assertThat(slots.oldestPendingIncoming()).isSameAs(first);

        slots.authenticated(1);

        assertThat(slots.oldestPendingIncoming()).isSameAs(second);
        assertThat(slots.pendingIncomingCount()).isEqualTo(2);
        assertThat(slots.get(1)).as("still open, now a session").isSameAs(first);
    }

    @Test
    void idsComeAscendingWhateverTheInsertionOrder() throws Exception {
        for (long id : new long[] {42, 7, 1_000_000, 8}) {
            incoming(id, 0);
        }

        assertThat(slots.idsAscending()).containsExactly(7, 8, 42, 1_000_000);
    }

    private Slot incoming(long id, long openedAt) throws Exception {
        Handshake hs = Handshake.acceptor(NodeName.parse("a@h"), 1, (dev.snow.ref.handshake.DigestScheme) null, null, null, null);
        Slot slot = new Slot(new Connection(id, hs, null, null, openedAt, HANDSHAKE_TIMEOUT, 60, 15), hs.direction(), null, null);
        slots.addPendingIncoming(slot);
        return slot;
    }
}
