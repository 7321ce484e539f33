package dev.snow.conformance.interop;

/** One cell of the matrix: {@code initiator} (row) x {@code acceptor} (column) x case. */
public record CellResult(String initiator, String acceptor, InteropCase testCase, boolean passed, String detail, long millis) {
}
