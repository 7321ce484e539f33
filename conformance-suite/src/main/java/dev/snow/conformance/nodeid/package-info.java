/** node_id allocation and creation (ID-*): never-used ids first, then FIFO reuse, exhaustion, no sharing, creation. */
package dev.snow.conformance.nodeid;
