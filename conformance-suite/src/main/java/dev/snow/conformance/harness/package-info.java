/**
 * How the suite drives an implementation under test (IUT): the adapter process and its JSON-lines
 * client with a deadline on every wait ({@link dev.snow.conformance.harness.AdapterProcess},
 * {@link dev.snow.conformance.harness.Iut}), what it captured per test, the run configuration
 * (conformance.yaml, {@code -Dconformance.iut}), expectations files, requirement annotations and
 * verdicts, and the JUnit extension that ties them to the requirement tests
 * ({@link dev.snow.conformance.harness.ConformanceExtension}).
 *
 * <p>Rule: every wait has a deadline; every adapter misbehaviour becomes one clear message
 * ({@link dev.snow.conformance.harness.AdapterException}), never a hang or a bare stack trace.
 */
package dev.snow.conformance.harness;
