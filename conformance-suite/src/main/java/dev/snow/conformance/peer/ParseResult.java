package dev.snow.conformance.peer;

/** What {@link FrameParser#next()} found. */
public sealed interface ParseResult {
    /** A whole, well-formed frame and its exact bytes. */
    record Decoded(WireFrame frame, byte[] raw) implements ParseResult {
    }

    /** Not enough bytes yet. */
    record NeedMore() implements ParseResult {
    }

    /** The bytes break {@code rule}; the parser stays in this state. */
    record Violation(String rule, String detail) implements ParseResult {
        @Override
        public String toString() {
            return rule + ": " + detail;
        }
    }

    NeedMore NEED_MORE = new NeedMore();
}
