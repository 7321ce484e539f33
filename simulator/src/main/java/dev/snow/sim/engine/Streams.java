package dev.snow.sim.engine;

import java.nio.charset.StandardCharsets;

/**
 * One root seed split into named streams, one per subsystem ("network", "faults", "swarm",
 * "node/a@sim/1", ...). A stream's seed depends only on the root seed and its name, never on
 * the order streams are created in, so adding a node does not shift the randomness of others.
 */
public final class Streams {
    private final long root;

    public Streams(long rootSeed) {
        this.root = rootSeed;
    }

    public long rootSeed() {
        return root;
    }

    public Rng stream(String name) {
        return new Rng(seedOf(name));
    }

    long seedOf(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return Rng.mix(root ^ Rng.mix(h));
    }
}
