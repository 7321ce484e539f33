package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant ignores-frames-when-established: ignores NAME, STATUS_CHALLENGE, REPLY and ACK once established. Must break HB-6. */
final class IgnoresFramesWhenEstablished extends Mutant {
    @Override
    public String defect() {
        return "ignores handshake frames once established instead of closing with protocol_error";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("HB-6")));
    }
}
