package dev.snow.sim.scenario;

/** One node of a scenario; {@code index} is its position in declaration order. */
public record NodeSpec(String name, int index, String group, NodeSettings settings, int line) {
}
