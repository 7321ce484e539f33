package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.SessionSeams;
import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutants frame-len-without-tag@acceptor and frame-len-without-tag@initiator: sends its handshake frames with a len that counts the payload but not the tag. Must break FRAME-1 in that role only
 * ({@link SessionSeams#laxOn(String, Direction)}).
 */
final class FrameLenWithoutTag extends Mutant {
    private final Direction role;

    FrameLenWithoutTag(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return "as " + SessionSeams.roleName(role) + ", sends its handshake frames with a len that counts the payload but not the tag";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("FRAME-1", role)));
    }
}
