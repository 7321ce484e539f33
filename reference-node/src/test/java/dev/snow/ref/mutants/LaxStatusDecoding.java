package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/**
 * The initiator's STATUS_CHALLENGE decoding, lax on one rule (observable in the initiator role
 * only: an acceptor refuses any STATUS_CHALLENGE as out of state, FRAME-7, either way):
 * <ul>
 *   <li>accepts-odd-challenge-len@initiator: any challenge_len with ok, ok_simultaneous and alive (STATUS-2);</li>
 *   <li>accepts-challenge-with-refusal@initiator: a challenge with nok and not_allowed, skipped (STATUS-3);</li>
 *   <li>accepts-unknown-status@initiator: an unknown status read as ok (STATUS-4).</li>
 * </ul>
 */
final class LaxStatusDecoding extends Mutant {
    private final String rule;

    LaxStatusDecoding(String rule) {
        this.rule = rule;
    }

    @Override
    public String defect() {
        switch (rule) {
            case "STATUS-2":
                return "as initiator, takes any challenge_len with ok, ok_simultaneous and alive";
            case "STATUS-3":
                return "as initiator, takes a challenge with nok and not_allowed";
            default:
                return "as initiator, reads an unknown status code as ok";
        }
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn(rule)));
    }
}
