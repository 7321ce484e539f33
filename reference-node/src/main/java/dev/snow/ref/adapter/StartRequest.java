package dev.snow.ref.adapter;

import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.handshake.NodeName;
import dev.snow.ref.handshake.Profile;
import dev.snow.ref.node.AuthThrottleSettings;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.transport.HostPort;
import dev.snow.ref.transport.NodeSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The {@code start} command's fields (docs/ADAPTER.md) turned into {@link NodeSettings}. Only
 * {@code name} and {@code cookie} are required; the rest default to docs/PROTOCOL.md.
 */
final class StartRequest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_MS = Duration.ofDays(1).toMillis();

    private StartRequest() {
    }

    static NodeSettings parse(Fields f) throws CommandError {
        return parse(f, UnaryOperator.identity());
    }

    /** {@code seam}: applied to the builder last (test-scope mutants; the identity in production). */
    static NodeSettings parse(Fields f, UnaryOperator<NodeConfig.Builder> seam) throws CommandError {
        String name = f.requiredString("name");
        NodeName parsed;
        try {
            parsed = NodeName.parse(name);
        } catch (InvalidNameException e) {
            throw CommandError.badRequest("name: " + e.getMessage());
        }
        String cookie = f.requiredString("cookie");
        if (cookie.isEmpty()) {
            throw CommandError.badRequest("cookie must not be empty");
        }
        String host = f.optionalString("host", parsed.hostForDialling());
        if (host.isEmpty()) {
            throw CommandError.badRequest("host must not be empty");
        }
        int port = f.optionalInt("port", 0, 65535, parsed.port());
        int creation = f.optionalInt("creation", 1, 255, 1 + RANDOM.nextInt(255));
        Profile profile;
        try {
            profile = Profile.parse(f.optionalString("profile", Profile.BASE.option()));
        } catch (IllegalArgumentException e) {
            throw CommandError.badRequest("profile: " + e.getMessage());
        }
        NodeConfig config;
        try {
            config = seam.apply(NodeConfig.builder(name, cookie)
                    .creation(creation)
                    .heartbeatInterval(millis(f, "heartbeat_interval_ms", NodeConfig.DEFAULT_HEARTBEAT_INTERVAL))
                    .heartbeatTimeout(millis(f, "heartbeat_timeout_ms", NodeConfig.DEFAULT_HEARTBEAT_TIMEOUT))
                    .handshakeTimeout(millis(f, "handshake_timeout_ms", NodeConfig.DEFAULT_HANDSHAKE_TIMEOUT))
                    .maxNodeId(f.optionalInt("max_node_id", 1, 65535, NodeConfig.DEFAULT_MAX_NODE_ID))
                    .maxPendingHandshakes(f.optionalInt("max_pending_handshakes", 1, 1_000_000,
                            NodeConfig.DEFAULT_MAX_PENDING_HANDSHAKES))
                    .maxPendingPerSource(f.optionalInt("max_pending_per_source", 0, 1_000_000,
                            NodeConfig.DEFAULT_MAX_PENDING_PER_SOURCE))
                    .authThrottle(throttle(f))
                    .profile(profile))
                    .build();
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw CommandError.badRequest(e.getMessage());
        }
        return NodeSettings.of(config).listenOn(new HostPort(host, port));
    }

    /**
     * LIM-6 under the adapter: off unless {@code auth_failure_threshold} is given, because a
     * conformance run sends many wrong digests from one address on purpose (docs/ADAPTER.md).
     */
    private static AuthThrottleSettings throttle(Fields f) throws CommandError {
        int threshold = f.optionalInt("auth_failure_threshold", 0, 1_000_000, 0);
        Duration backoff = millis(f, "auth_backoff_ms", AuthThrottleSettings.DEFAULT_BACKOFF);
        Duration max = millis(f, "auth_backoff_max_ms", AuthThrottleSettings.DEFAULT_MAX_BACKOFF);
        return AuthThrottleSettings.of(threshold, backoff, max);
    }

    private static Duration millis(Fields f, String field, Duration otherwise) throws CommandError {
        return Duration.ofMillis(f.optionalLong(field, 1, MAX_MS, otherwise.toMillis()));
    }
}
