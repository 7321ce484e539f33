/** Handshake correctness in both roles (HS-*): frame layouts, order, identities, node_up, replacement through alive. */
package dev.snow.conformance.handshake;
