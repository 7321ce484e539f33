package dev.snow.ref.node;

import dev.snow.ref.handshake.CookieMac;
import dev.snow.ref.handshake.DigestScheme;
import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.handshake.NodeName;
import dev.snow.ref.handshake.Profile;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A node's settings (docs/PROTOCOL.md, configuration defaults). Durations are nanoseconds.
 * {@link #toString()} never shows the cookie (AUTH-7).
 */
public final class NodeConfig {
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(7);
    public static final int DEFAULT_MAX_NODE_ID = 65535;
    public static final int DEFAULT_MAX_PENDING_HANDSHAKES = 64;
    /** LIM-5: a quarter of the default total, so one source never holds more than a quarter of the table. */
    public static final int DEFAULT_MAX_PENDING_PER_SOURCE = 16;

    private final NodeName name;
    private final String cookie;
    private final int creation;
    private final long heartbeatIntervalNanos;
    private final long heartbeatTimeoutNanos;
    private final long handshakeTimeoutNanos;
    private final int maxNodeId;
    private final int maxPendingHandshakes;
    private final int maxPendingPerSource;
    private final AuthThrottleSettings authThrottle;
    private final Profile profile;
    private final Function<CookieMac, DigestScheme> hardenedDigests;

    private NodeConfig(Builder b) throws InvalidNameException {
        this.hardenedDigests = b.hardenedDigests;
        this.profile = Objects.requireNonNull(b.profile, "profile");
        this.name = NodeName.parse(b.name);
        this.cookie = Objects.requireNonNull(b.cookie, "cookie");
        if (cookie.isEmpty()) {
            throw new IllegalArgumentException("cookie must not be empty");
        }
        if (b.creation < 1 || b.creation > 255) {
            throw new IllegalArgumentException("creation must be 1..255 (ID-6), was " + b.creation);
        }
        this.creation = b.creation;
        this.heartbeatIntervalNanos = positive("heartbeat_interval", b.heartbeatInterval);
        this.heartbeatTimeoutNanos = positive("heartbeat_timeout", b.heartbeatTimeout);
        this.handshakeTimeoutNanos = positive("handshake_timeout", b.handshakeTimeout);
        if (b.maxNodeId < 1 || b.maxNodeId > 65535) {
            throw new IllegalArgumentException("max_node_id must be 1..65535 (ID-1), was " + b.maxNodeId);
        }
        this.maxNodeId = b.maxNodeId;
        if (b.maxPendingHandshakes < 1) {
            throw new IllegalArgumentException("max_pending_handshakes must be at least 1, was " + b.maxPendingHandshakes);
        }
        this.maxPendingHandshakes = b.maxPendingHandshakes;
        if (b.maxPendingPerSource < 0) {
            throw new IllegalArgumentException("max_pending_per_source must be 0 (off) or more (LIM-5), was " + b.maxPendingPerSource);
        }
        this.maxPendingPerSource = Math.min(b.maxPendingPerSource, b.maxPendingHandshakes);
        this.authThrottle = Objects.requireNonNull(b.authThrottle, "auth throttle");
    }

    private static long positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
        return d.toNanos();
    }

    public static Builder builder(String name, String cookie) {
        return new Builder(name, cookie);
    }

    /** A builder holding every setting of this one, to change some and keep the rest. */
    public Builder toBuilder() {
        return builder(name.full(), cookie).creation(creation)
                .heartbeatInterval(Duration.ofNanos(heartbeatIntervalNanos))
                .heartbeatTimeout(Duration.ofNanos(heartbeatTimeoutNanos))
                .handshakeTimeout(Duration.ofNanos(handshakeTimeoutNanos))
                .maxNodeId(maxNodeId).maxPendingHandshakes(maxPendingHandshakes)
                .maxPendingPerSource(maxPendingPerSource).authThrottle(authThrottle)
                .profile(profile).hardenedDigests(hardenedDigests);
    }

    public NodeName name() {
        return name;
    }

    /** The shared secret. Never log it. */
    public String cookie() {
        return cookie;
    }

    public int creation() {
        return creation;
    }

    public long heartbeatIntervalNanos() {
        return heartbeatIntervalNanos;
    }

    public long heartbeatTimeoutNanos() {
        return heartbeatTimeoutNanos;
    }

    public long handshakeTimeoutNanos() {
        return handshakeTimeoutNanos;
    }

    public int maxNodeId() {
        return maxNodeId;
    }

    public int maxPendingHandshakes() {
        return maxPendingHandshakes;
    }

    /**
     * LIM-5: unauthenticated incoming connections one source address may hold (at most
     * {@link #maxPendingHandshakes()}); 0 turns per-source accounting off (LIM-2 alone: the
     * oldest overall is evicted, whatever its source).
     */
    public int maxPendingPerSource() {
        return maxPendingPerSource;
    }

    /** LIM-6: the auth-failure throttle. */
    public AuthThrottleSettings authThrottle() {
        return authThrottle;
    }

    /** The digest scheme replacing the hardened profile's (test-scope mutants only), or null. */
    public Function<CookieMac, DigestScheme> hardenedDigests() {
        return hardenedDigests;
    }

    /** base (version 1.0) or hardened (HARD-1). */
    public Profile profile() {
        return profile;
    }

    @Override
    public String toString() {
        return "NodeConfig[name=" + name + ", cookie=<redacted>, creation=" + creation
                + ", heartbeat=" + Duration.ofNanos(heartbeatIntervalNanos) + "/" + Duration.ofNanos(heartbeatTimeoutNanos)
                + ", handshake_timeout=" + Duration.ofNanos(handshakeTimeoutNanos)
                + ", max_node_id=" + maxNodeId + ", max_pending_handshakes=" + maxPendingHandshakes + ", max_pending_per_source=" + maxPendingPerSource
                + ", auth_throttle=" + authThrottle + ", profile=" + profile + "]";
    }

    /** Defaults from docs/PROTOCOL.md; creation must be set (1..255). */
    public static final class Builder {
        private final String name;
        private final String cookie;
        private int creation = -1;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration heartbeatTimeout = DEFAULT_HEARTBEAT_TIMEOUT;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private int maxNodeId = DEFAULT_MAX_NODE_ID;
        private int maxPendingHandshakes = DEFAULT_MAX_PENDING_HANDSHAKES;
        private int maxPendingPerSource = DEFAULT_MAX_PENDING_PER_SOURCE;
        private AuthThrottleSettings authThrottle = AuthThrottleSettings.DEFAULT;
        private Profile profile = Profile.BASE;
        private Function<CookieMac, DigestScheme> hardenedDigests;

        private Builder(String name, String cookie) {
            this.name = name;
            this.cookie = cookie;
        }

        public Builder creation(int creation) {
            this.creation = creation;
            return this;
        }

        public Builder heartbeatInterval(Duration d) {
            this.heartbeatInterval = d;
            return this;
        }

        public Builder heartbeatTimeout(Duration d) {
            this.heartbeatTimeout = d;
            return this;
        }

        public Builder handshakeTimeout(Duration d) {
            this.handshakeTimeout = d;
            return this;
        }

        public Builder maxNodeId(int max) {
            this.maxNodeId = max;
            return this;
        }

        public Builder maxPendingHandshakes(int max) {
            this.maxPendingHandshakes = max;
            return this;
        }

        public Builder maxPendingPerSource(int max) {
            this.maxPendingPerSource = max;
            return this;
        }

        public Builder authThrottle(AuthThrottleSettings settings) {
            this.authThrottle = settings;
            return this;
        }

        public Builder profile(Profile p) {
            this.profile = p;
            return this;
        }

        /**
         * A seam for test-scope mutants: other digests for the hardened profile (HARD-4); a base
         * node ignores it. Production never sets it.
         */
        public Builder hardenedDigests(Function<CookieMac, DigestScheme> d) {
            this.hardenedDigests = d;
            return this;
        }

        /** Validates everything; messages name the setting and the value seen. */
        public NodeConfig build() throws InvalidNameException {
            return new NodeConfig(this);
        }
    }
}
