package dev.snow.sim.runner;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.node.NodeCore;

/**
 * Makes the core of each boot. The default is the reference core as the real node runs it;
 * tests plug in deliberately broken strategies (a digest comparator that accepts anything, an
 * allocator that hands out an id twice) to prove that the invariants catch them.
 */
@FunctionalInterface
public interface CoreFactory {
    NodeCore create(NodeConfig config, ChallengeSource challenges);

    CoreFactory REFERENCE = NodeCore::new;
}
