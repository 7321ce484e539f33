/**
 * The hardened profile (docs/PROTOCOL.md HARD-1..HARD-7): each test starts its own IUT node
 * with {@code "profile":"hardened"}; an adapter without the profile answers unsupported and the
 * tests are reported so. Rule of this package: every digest the tester computes or checks comes
 * from the suite's own {@link dev.snow.conformance.peer.HardenedDigest}, over the certificates of
 * the tester's own TLS session. The relay and hijack between two IUT nodes are in
 * {@code security.HardenedRelayTest}.
 */
package dev.snow.conformance.hardened;
