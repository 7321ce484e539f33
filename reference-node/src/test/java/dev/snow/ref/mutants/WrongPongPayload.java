package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant wrong-pong-payload: a PONG carries the PING's payload with its bits inverted. Must break HB-2. */
final class WrongPongPayload extends Mutant {
    @Override
    public String defect() {
        return "a PONG carries the PING's payload with its bits inverted";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().withPongPayload(p -> ~p)));
    }
}
