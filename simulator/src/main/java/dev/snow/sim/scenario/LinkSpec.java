package dev.snow.sim.scenario;

/** A per-link override from the {@code links:} section; null fields keep the network default. */
public record LinkSpec(LinkSelector links, LatencySpec latency, Long jitter, Double loss, Long bandwidth, int line) {
}
