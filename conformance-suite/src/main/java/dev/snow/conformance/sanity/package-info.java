/**
 * Sanity handshakes first and last (tlsfuzzer's habit): if the IUT cannot do a plain handshake
 * nothing else means much, and if it can no longer do one at the end, a test in between broke it.
 */
package dev.snow.conformance.sanity;
