package dev.snow.ref.node;

import dev.snow.ref.handshake.NodeName;

/**
 * Who keeps the outgoing connection when two nodes connect to each other (TIE-1): the
 * {@link #STANDARD} rule says the node whose full name is smaller, unsigned byte-wise. The
 * conformance mutants (reference-node test scope) swap in a wrong rule.
 */
@FunctionalInterface
public interface Tiebreak {
    /**
     * Negative: {@code local} keeps its own attempt (it wins); positive: {@code peer} wins; zero:
     * no tiebreak at all (a defect: both attempts go on).
     */
    int order(NodeName local, NodeName peer);

    Tiebreak STANDARD = NodeName::compareTo;
}
