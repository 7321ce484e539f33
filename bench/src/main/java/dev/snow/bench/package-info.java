/**
 * The benchmark harness (not a test; built with {@code -Pbench}): connection setup latency and
 * rate of reference nodes against a bare JSSE TLS 1.3 handshake measured in the same run, idle
 * sessions held with heartbeats (heap, CPU, threads), and issue 14's attacks (online guessing,
 * the eviction flood) with each defence off and on beside a no-attack baseline. The node under
 * test runs in a child JVM ({@link dev.snow.bench.BenchNode}) so its heap and CPU are its own;
 * load generators run in the harness JVM, except the native flood ({@code snow-flood.c}, a
 * child process). Every figure is read as a ratio within one run; every socket dials loopback.
 */
package dev.snow.bench;
