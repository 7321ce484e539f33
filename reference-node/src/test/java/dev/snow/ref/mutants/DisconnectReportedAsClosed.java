package dev.snow.ref.mutants;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mutant disconnect-reported-as-closed: reports a requested disconnect as node_down reason closed. Must break CONN-1. */
final class DisconnectReportedAsClosed extends Mutant {
    @Override
    public String defect() {
        return "reports a requested disconnect as node_down reason closed";
    }

    @Override
    protected ObjectNode event(ObjectNode real) {
        if ("node_down".equals(real.path("event").asText()) && "disconnect".equals(real.path("reason").asText())) {
            real.put("reason", "closed");
        }
        return real;
    }
}
