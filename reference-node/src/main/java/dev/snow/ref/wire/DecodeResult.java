package dev.snow.ref.wire;

/** What {@link FrameDecoder#next()} found: a frame, the need for more bytes, or a violation. */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.NeedMore, DecodeResult.Malformed {

    record Decoded(Frame frame) implements DecodeResult {
    }

    record NeedMore() implements DecodeResult {
    }

    record Malformed(ProtocolViolation violation) implements DecodeResult {
    }

    NeedMore NEED_MORE = new NeedMore();
}
