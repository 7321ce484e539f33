package dev.snow.ref.mutants;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A wrapping adapter's defect in node_up only (node_down, sessions and the wire stay right):
 * wrong-node-id-in-node-up reports node_id + 1; wrong-creation-in-node-up reports the peer's
 * creation + 1 (255 -> 1). Must break HS-8.
 */
final class WrongNodeUpField extends Mutant {
    private final String field;

    WrongNodeUpField(String field) {
        this.field = field;
    }

    @Override
    public String defect() {
        return "reports node_up with " + field + " + 1";
    }

    @Override
    protected ObjectNode event(ObjectNode real) {
        if ("node_up".equals(real.path("event").asText()) && real.has(field)) {
            int v = real.path(field).asInt();
            real.put(field, field.equals("creation") ? v % 255 + 1 : v + 1);
        }
        return real;
    }
}
