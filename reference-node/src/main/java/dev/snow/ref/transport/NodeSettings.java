package dev.snow.ref.transport;

import dev.snow.ref.node.NodeConfig;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to run a node on the network: the protocol settings ({@link NodeConfig}),
 * where to listen (by default the host and port of the node's own name, NAME-3; port 0 lets
 * the system choose; null for a node that only dials, such as a benchmark's load generator), the TLS provider used when the node owns its threads, and any
 * reference-only {@link Fault}s.
 */
public record NodeSettings(NodeConfig config, HostPort listen, TlsProvider tls, Set<Fault> faults) {

    public NodeSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tls, "tls");
        faults = faults.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(faults));
    }

    /** Listens on the name's host and port, JDK TLS, no faults. */
    public static NodeSettings of(NodeConfig config) {
        return new NodeSettings(config, new HostPort(config.name().hostForDialling(), config.name().port()),
                TlsProvider.JDK, Set.of());
    }

    public NodeSettings listenOn(HostPort address) {
        return new NodeSettings(config, address, tls, faults);
    }

    /** A node that dials but does not listen (load generators, clients behind a firewall). */
    public NodeSettings dialOnly() {
        return new NodeSettings(config, null, tls, faults);
    }

    public NodeSettings withTls(TlsProvider provider) {
        return new NodeSettings(config, listen, provider, faults);
    }

    public NodeSettings withFaults(Set<Fault> set) {
        return new NodeSettings(config, listen, tls, set);
    }
}
