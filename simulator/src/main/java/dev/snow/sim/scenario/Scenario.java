package dev.snow.sim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A loaded, validated scenario file. {@code file} is the path as given (it goes into replay
 * commands); {@code seeds} is the range {@code mvn verify} runs; {@code duration} is the
 * virtual time the run lasts.
 */
public record Scenario(String file, String name, String description, SeedRange seeds, long duration,
                       NetworkSpec network, List<NodeSpec> nodes, Map<String, List<String>> groups,
                       List<LinkSpec> links, List<TimedAction> timeline, List<Expectation> expectations,
                       SwarmSpec swarm) {
}
