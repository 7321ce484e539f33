package dev.snow.ref.mutants;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mutant wrong-direction-in-node-up: reports node_up with the direction inverted. Must break HS-8. */
final class WrongDirectionInNodeUp extends Mutant {
    @Override
    public String defect() {
        return "reports node_up with the direction inverted";
    }

    @Override
    protected ObjectNode event(ObjectNode real) {
        if ("node_up".equals(real.path("event").asText())) {
            real.put("direction", "incoming".equals(real.path("direction").asText()) ? "outgoing" : "incoming");
        }
        return real;
    }
}
