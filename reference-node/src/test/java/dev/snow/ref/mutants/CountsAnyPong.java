package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant counts-any-pong: a PONG with any payload answers the outstanding PING. Must break HB-4. */
final class CountsAnyPong extends Mutant {
    @Override
    public String defect() {
        return "a PONG with any payload answers the outstanding PING";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().countingAnyPong()));
    }
}
