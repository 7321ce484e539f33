package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant trusts-digest-length: takes any digest_len/challenge_len in REPLY and ACK, cutting or zero-padding to 32 bytes. Must break AUTH-2. */
final class TrustsDigestLength extends Mutant {
    @Override
    public String defect() {
        return "takes any digest_len/challenge_len in REPLY and ACK, cutting or zero-padding to 32 bytes";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("AUTH-2")));
    }
}
