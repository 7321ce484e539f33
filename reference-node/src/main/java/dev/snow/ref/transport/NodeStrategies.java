package dev.snow.ref.transport;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.handshake.DigestComparator;
import dev.snow.ref.node.CoreSeams;
import java.util.List;

/**
 * The strategies a running node hands to {@code NodeCore} and its TLS: a CSPRNG challenge source,
 * the constant-time comparator, the real {@link CoreSeams} and TLS 1.3 only, unless a
 * conformance mutant (reference-node test scope, docs/MUTATION.md) replaces one.
 *
 * @param tlsProtocols the TLS versions offered and accepted (TLS-1: only "TLSv1.3")
 */
public record NodeStrategies(ChallengeSource challenges, DigestComparator comparator, CoreSeams core,
                             List<String> tlsProtocols) {
    static final List<String> TLS_1_3_ONLY = List.of(TlsContexts.TLS_1_3);

    public NodeStrategies {
        tlsProtocols = List.copyOf(tlsProtocols);
    }

    public static NodeStrategies secure() {
        return new NodeStrategies(new SecureChallengeSource(), DigestComparator.CONSTANT_TIME, CoreSeams.REAL,
                TLS_1_3_ONLY);
    }

    public NodeStrategies withChallenges(ChallengeSource c) {
        return new NodeStrategies(c, comparator, core, tlsProtocols);
    }

    public NodeStrategies withComparator(DigestComparator c) {
        return new NodeStrategies(challenges, c, core, tlsProtocols);
    }

    public NodeStrategies withCore(CoreSeams c) {
        return new NodeStrategies(challenges, comparator, c, tlsProtocols);
    }

    public NodeStrategies withTlsProtocols(List<String> protocols) {
        return new NodeStrategies(challenges, comparator, core, protocols);
    }

    boolean tls13Only() {
        return tlsProtocols.equals(TLS_1_3_ONLY);
    }
}
