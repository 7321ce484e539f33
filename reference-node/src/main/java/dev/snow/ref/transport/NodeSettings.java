package dev.snow.ref.transport;

import dev.snow.ref.node.NodeConfig;
import java.util.Objects;

/**
 * Everything needed to run a node on the network: the protocol settings ({@link NodeConfig}),
 * where to listen (by default the host and port of the node's own name, NAME-3; port 0 lets
 * the system choose; null for a node that only dials, such as a benchmark's load generator), and the TLS provider used when the node owns its threads.
 * Planted defects (conformance mutants) live in test scope only, never here (docs/MUTATION.md).
 */
public record NodeSettings(NodeConfig config, HostPort listen, TlsProvider tls) {

    public NodeSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tls, "tls");
    }

    /** Listens on the name's host and port, JDK TLS. */
    public static NodeSettings of(NodeConfig config) {
        return new NodeSettings(config, new HostPort(config.name().hostForDialling(), config.name().port()),
                TlsProvider.JDK);
    }

    public NodeSettings listenOn(HostPort address) {
        return new NodeSettings(config, address, tls);
    }

    /** A node that dials but does not listen (load generators, clients behind a firewall). */
    public NodeSettings dialOnly() {
        return new NodeSettings(config, null, tls);
    }

    public NodeSettings withTls(TlsProvider provider) {
        return new NodeSettings(config, listen, provider);
    }
}
