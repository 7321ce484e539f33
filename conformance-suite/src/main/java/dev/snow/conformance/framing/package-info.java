/**
 * Framing (FRAME-*): the malformation table (every invalid and semantic vector of
 * docs/vectors/frames.json, in both roles, plus frames out of state before and after
 * establishment), and decoding whatever the split of the stream.
 */
package dev.snow.conformance.framing;
