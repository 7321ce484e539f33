package dev.snow.ref.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.ref.transport.NodeSettings;
import dev.snow.ref.transport.NodeStrategies;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How the adapter builds its node from a {@code start} command. {@link #REAL} for the reference
 * node; a conformance mutant (reference-node test scope, docs/MUTATION.md) rewrites the settings
 * or swaps one strategy to plant exactly one defect, and names itself in the ready line.
 *
 * @param label      shown in the ready line's implementation name, or null
 * @param settings   rewrites the settings the start command asked for
 * @param strategies the node's strategies for the (rewritten) settings
 * @param timeCompareHook whether the optional {@code time_compare} command is offered
 * @param events     rewrites each event line before it is written (the identity for the reference)
 */
public record AdapterVariant(String label, UnaryOperator<NodeSettings> settings,
                             Function<NodeSettings, NodeStrategies> strategies, boolean timeCompareHook,
                             UnaryOperator<ObjectNode> events) {
    public static final AdapterVariant REAL = new AdapterVariant(null, s -> s, s -> NodeStrategies.secure(), true,
            e -> e);
}
