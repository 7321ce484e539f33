package dev.snow.sim.scenario;

import java.util.Set;

/**
 * What a scenario expects to observe. Windows are absolute scenario times [{@code from},
 * {@code to}] in nanoseconds, both included. Evaluated from the node events alone (node_up,
 * node_down, handshake_failed, starts and stops), so the same expectations apply to real
 * processes.
 */
public sealed interface Expectation {

    int line();

    String text();

    /** Eventually: at some instant of the window, every pair of a x b holds a session on both sides. */
    record Session(Selector a, Selector b, long from, long to, String text, int line) implements Expectation {
    }

    /** Never during the window does a node of a hold a session with a node of b (or b with a). */
    record NoSession(Selector a, Selector b, long from, long to, String text, int line) implements Expectation {
    }

    /**
     * Every node of {@code node} reports node_up for some node of {@code peer} in the window,
     * with the given node_id (or the id {@code nodeIdOf} last had on that node), creation and
     * direction when set.
     */
    record NodeUp(Selector node, Selector peer, long from, long to, Integer nodeId, String nodeIdOf, Integer creation,
                  String direction, String text, int line) implements Expectation {
    }

    /** Every (node, peer) pair sees node_down with one of {@code reasons} in the window. */
    record NodeDown(Selector node, Selector peer, Set<String> reasons, long from, long to, String text, int line)
            implements Expectation {
    }

    /** No node of {@code node} reports node_down of a node of {@code peer} (with one of {@code reasons}, if any) in the window. */
    record NoNodeDown(Selector node, Selector peer, Set<String> reasons, long from, long to, String text, int line)
            implements Expectation {
    }

    /** Every node of {@code node} reports handshake_failed (peer, reason, direction as given) in the window. */
    record HandshakeFailed(Selector node, Selector peer, Set<String> reasons, String direction, long from, long to,
                           String text, int line) implements Expectation {
    }

    /** At instant {@code at}, each node of {@code node} holds between {@code min} and {@code max} sessions. */
    record SessionCount(Selector node, long at, int min, int max, String text, int line) implements Expectation {
    }

    /** No node reports node_up for a peer it already holds a session with (never two sessions per pair). */
    record UniqueSessions(String text, int line) implements Expectation {
    }

    /** No node reports a node_id that one of its live sessions already holds, or one outside 1..max_node_id. */
    record UniqueNodeIds(String text, int line) implements Expectation {
    }
}
