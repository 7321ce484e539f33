package dev.snow.ref.wire;

/**
 * Why bytes from a peer were refused: the requirement ID broken (e.g. {@code FRAME-3}) and a
 * message naming the value seen. A violation always ends the connection (FRAME-8).
 */
public record ProtocolViolation(String rule, String detail) {

    @Override
    public String toString() {
        return rule + ": " + detail;
    }
}
