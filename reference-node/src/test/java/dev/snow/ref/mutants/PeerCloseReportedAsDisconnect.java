package dev.snow.ref.mutants;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mutant peer-close-reported-as-disconnect: reports a close by the peer as node_down reason disconnect. Must break CONN-2. */
final class PeerCloseReportedAsDisconnect extends Mutant {
    @Override
    public String defect() {
        return "reports a close by the peer as node_down reason disconnect";
    }

    @Override
    protected ObjectNode event(ObjectNode real) {
        if ("node_down".equals(real.path("event").asText()) && "closed".equals(real.path("reason").asText())) {
            real.put("reason", "disconnect");
        }
        return real;
    }
}
