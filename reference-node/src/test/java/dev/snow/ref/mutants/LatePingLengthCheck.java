package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant late-ping-length-check: checks a PING/PONG length only once the whole frame arrived, not from its 5 header bytes. Must break FRAME-11. */
final class LatePingLengthCheck extends Mutant {
    @Override
    public String defect() {
        return "checks a PING/PONG length only once the whole frame arrived, not from its 5 header bytes";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().withoutPingLengthCheck()));
    }
}
