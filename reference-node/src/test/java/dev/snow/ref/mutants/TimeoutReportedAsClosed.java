package dev.snow.ref.mutants;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mutant timeout-reported-as-closed: reports a heartbeat timeout as node_down reason closed. Must break HB-3. */
final class TimeoutReportedAsClosed extends Mutant {
    @Override
    public String defect() {
        return "reports a heartbeat timeout as node_down reason closed";
    }

    @Override
    protected ObjectNode event(ObjectNode real) {
        if ("heartbeat_timeout".equals(real.path("reason").asText())) {
            real.put("reason", "closed");
        }
        return real;
    }
}
