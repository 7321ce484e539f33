package dev.snow.sim.scenario;

/**
 * The actions of a timeline. Node actions name nodes with {@link Selector}s, network actions
 * name links with {@link LinkSelector}s. Durations are nanoseconds.
 */
public sealed interface Action {

    /** Starts nodes that are down (not started, stopped or crashed); a new boot takes a new creation. */
    record Start(Selector nodes, Integer creation) implements Action {
    }

    /** Orderly shutdown: every session ends with node_down disconnect, FINs go out, the listener closes. */
    record Stop(Selector nodes) implements Action {
    }

    /** The node dies. {@code host}: the machine, silently; {@code process}: the kernel closes its sockets (FIN). */
    record Crash(Selector nodes, boolean wholeHost) implements Action {
    }

    /** Crash (or stop, when {@code orderly}) then start again at once with a new creation. */
    record Restart(Selector nodes, boolean orderly, Integer creation) implements Action {
    }

    /**
     * Each node of {@code from} dials each node of {@code to} (every ordered pair, so two nodes in
     * both sets dial each other: a simultaneous connect); with {@code mesh} each unordered pair of
     * {@code from} once, dialled by the node declared first. Each dial starts at a time drawn in
     * [at, at + spread]. With {@code retry} > 0 the dialler keeps the connection: after a
     * node_down or a failed attempt it dials again after retry..1.5*retry.
     */
    record Connect(Selector from, Selector to, boolean mesh, long spread, long retry) implements Action {
    }

    /** Each node of {@code from} disconnects each node of {@code to} and stops keeping it. */
    record Disconnect(Selector from, Selector to) implements Action {
    }

    /** Every transmission on the links is lost (TCP retransmits with backoff) until healed. */
    record Partition(LinkSelector links) implements Action {
    }

    record Heal(LinkSelector links) implements Action {
    }

    /** Segments on the links wait, in order and without loss, until released. */
    record Hold(LinkSelector links) implements Action {
    }

    record Release(LinkSelector links) implements Action {
    }

    record Latency(LinkSelector links, LatencySpec latency, long jitter) implements Action {
    }

    record Loss(LinkSelector links, double rate) implements Action {
    }

    record Bandwidth(LinkSelector links, long bitsPerSecond) implements Action {
    }

    /**
     * Every TCP connection open on the links now is reset: {@code timeout} after its next data
     * (or FIN) crosses one of the links, both ends see a reset and the data is lost (Toxiproxy's
     * {@code reset_peer}). Connections opened later are not touched.
     */
    record Reset(LinkSelector links, long timeout) implements Action {
    }

    /**
     * From now on, data on the links arrives in slices of {@code averageSize} +/- {@code
     * sizeVariation} bytes, {@code delay} apart (Toxiproxy's {@code slicer}); {@code averageSize}
     * 0 ends slicing on the links.
     */
    record Slicer(LinkSelector links, int averageSize, int sizeVariation, long delay) implements Action {
        /** Whether this ends slicing instead of starting it. */
        public boolean off() {
            return averageSize == 0;
        }
    }

    /** Moves nodes' clocks forward by {@code jump} and (if not null) sets their drift. */
    record Skew(Selector nodes, long jump, Long driftPpm) implements Action {
    }

    /** Partition for {@code down}, heal for {@code up}, repeatedly, until {@code until} (absolute). */
    record Flap(LinkSelector links, long down, long up, long until) implements Action {
    }
}
