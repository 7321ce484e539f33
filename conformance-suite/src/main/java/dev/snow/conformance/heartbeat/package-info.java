/** Heartbeat (HB-*) on a node with short intervals: PING cadence, prompt PONGs, dead-peer detection windows, late and wrong PONGs. */
package dev.snow.conformance.heartbeat;
