package dev.snow.ref.mutants;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mutant nok-reported-as-protocol-error: reports an attempt answered nok as handshake_failed reason protocol_error. Must break STATUS-5. */
final class NokReportedAsProtocolError extends Mutant {
    @Override
    public String defect() {
        return "reports an attempt answered nok as handshake_failed reason protocol_error";
    }

    @Override
    protected ObjectNode event(ObjectNode real) {
        if ("handshake_failed".equals(real.path("event").asText()) && "nok".equals(real.path("reason").asText())) {
            real.put("reason", "protocol_error");
        }
        return real;
    }
}
