/**
 * The interop matrix, in the style of the QUIC interop runner: real nodes of every
 * implementation in conformance.yaml (the ones that claim the whole protocol: no planted
 * fault, no test subset) connect to each other, each ordered pair (initiator x acceptor) and
 * each {@link dev.snow.conformance.interop.InteropCase}; the result is a matrix written as
 * Markdown and HTML next to the conformance summaries.
 *
 * <p>Rule: every cell runs fresh adapter processes on loopback and judges only what both
 * nodes report through docs/ADAPTER.md; every wait has a deadline; a cell that cannot run is
 * a failed cell with its reason, never a hang.
 */
package dev.snow.conformance.interop;
