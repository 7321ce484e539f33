package dev.snow.ref.mutants;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.SessionSeams;

/**
 * Mutants protocol-error-reported-as-io@acceptor and @initiator: a wrapping adapter that reports
 * a protocol error of a handshake in that role (handshake_failed of that direction) as reason io,
 * as if the decoder's refusal were a transport failure. Must break FRAME-8 in that role only.
 */
final class ProtocolErrorReportedAsIo extends Mutant {
    private final Direction role;

    ProtocolErrorReportedAsIo(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return "as " + SessionSeams.roleName(role) + ", reports a protocol error as handshake_failed reason io";
    }

    @Override
    protected ObjectNode event(ObjectNode real) {
        if ("handshake_failed".equals(real.path("event").asText()) && "protocol_error".equals(real.path("reason").asText())
                && role.wireName().equals(real.path("direction").asText())) {
            real.put("reason", "io");
        }
        return real;
    }
}
