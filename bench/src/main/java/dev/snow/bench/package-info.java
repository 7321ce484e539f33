/**
 * The benchmark harness (not a test; built with {@code -Pbench}): connection setup latency and
 * rate of reference nodes against a bare JSSE TLS 1.3 handshake measured in the same run, and
 * idle sessions held with heartbeats (heap, CPU, threads). The node under test runs in a child
 * JVM ({@link dev.snow.bench.BenchNode}) so its heap and CPU are its own; load generators run
 * in the harness JVM.
 */
package dev.snow.bench;
