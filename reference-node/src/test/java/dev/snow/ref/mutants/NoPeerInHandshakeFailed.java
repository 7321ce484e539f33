package dev.snow.ref.mutants;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mutant no-peer-in-handshake-failed: leaves the peer out of handshake_failed once it knows the peer's name. Must break AUTH-6. */
final class NoPeerInHandshakeFailed extends Mutant {
    @Override
    public String defect() {
        return "leaves the peer out of handshake_failed once it knows the peer's name";
    }

    @Override
    protected ObjectNode event(ObjectNode real) {
        if ("handshake_failed".equals(real.path("event").asText()) && real.path("peer").asText("").contains("@")) {
            real.putNull("peer");
        }
        return real;
    }
}
