package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.transport.NodeStrategies;

/** Mutant asks-for-client-certificate: as listener, asks the connector for a (any) client certificate. Must break TLS-2. */
final class AsksForClientCertificate extends Mutant {
    @Override
    public String defect() {
        return "as listener, asks the connector for a (any) client certificate";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("TLS-2", Direction.INCOMING)));
    }
}
