package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;
import java.util.List;

/** Mutant accepts-tls12: TLS 1.2 is offered and accepted beside TLS 1.3. Must break TLS-1. */
final class AcceptsTls12 extends Mutant {
    @Override
    public String defect() {
        return "TLS 1.2 is offered and accepted beside TLS 1.3";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withTlsProtocols(List.of("TLSv1.3", "TLSv1.2"));
    }
}
