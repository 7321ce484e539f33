package dev.snow.ref.mutants;

import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.transport.NodeSettings;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Rewrites one setting of a node's configuration, keeping the rest (for mutants that ignore a setting). */
final class Settings {
    private Settings() {
    }

    static NodeSettings rewrite(NodeSettings s, UnaryOperator<NodeConfig.Builder> change) {
        NodeConfig.Builder b = s.config().toBuilder();
        try {
            return new NodeSettings(change.apply(b).build(), s.listen(), s.tls());
        } catch (InvalidNameException e) {
            throw new IllegalStateException("the name was valid a moment ago: " + e.getMessage(), e);
        }
    }

    /** Long enough never to fire during a conformance run. */
    static final Duration NEVER = Duration.ofDays(1);
}
