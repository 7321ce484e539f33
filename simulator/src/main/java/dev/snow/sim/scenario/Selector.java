package dev.snow.sim.scenario;

import java.util.List;

/**
 * A set of nodes named in a scenario: a node's full name, a group, {@code all}, or a list of
 * those; resolved when the file is loaded into node names in declaration order.
 */
public record Selector(String text, List<String> nodes) {

    public Selector {
        nodes = List.copyOf(nodes);
    }

    public boolean contains(String node) {
        return nodes.contains(node);
    }

    @Override
    public String toString() {
        return text;
    }
}
