package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.transport.NodeStrategies;

/** Mutant verifies-listener-certificate: as connector, verifies the listener's certificate against the JDK trust store. Must break TLS-2. */
final class VerifiesListenerCertificate extends Mutant {
    @Override
    public String defect() {
        return "as connector, verifies the listener's certificate against the JDK trust store";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("TLS-2", Direction.OUTGOING)));
    }
}
