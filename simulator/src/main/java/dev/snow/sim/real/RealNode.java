package dev.snow.sim.real;

import dev.snow.sim.scenario.NodeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One scenario node across its boots: each boot is its own process, port and creation, planned
 * and started before the clock starts; {@link #current} is the boot that is up (null when down).
 * {@link #keep} holds the peers it keeps ({@code connect ... retry}) with their retry delay.
 */
final class RealNode {
    /** One boot of a node: its own process, port and creation. */
    static final class Boot {
        final int port;
        final int creation;
        Adapter adapter;

        Boot(int port, int creation) {
            this.port = port;
            this.creation = creation;
        }
    }

    final NodeSpec spec;
    final int index;
    final List<Boot> boots = new ArrayList<>();
    final TreeMap<String, Long> keep = new TreeMap<>();
    /** The next planned boot to come up. */
    int next;
    Boot current;
    boolean stopping;

    RealNode(NodeSpec spec) {
        this.spec = spec;
        this.index = spec.index();
    }

    String name() {
        return spec.name();
    }

    Adapter adapter() {
        return current == null ? null : current.adapter;
    }
}
