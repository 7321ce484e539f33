/** Deadlines and limits (LIM-*): the handshake deadline in both roles, pending-handshake eviction, stalled peers. */
package dev.snow.conformance.limits;
