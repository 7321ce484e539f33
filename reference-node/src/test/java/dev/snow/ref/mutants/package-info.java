/**
 * Conformance mutants: the reference node with exactly one planted defect each, in test scope
 * only (never on the production path). Rule: a mutant is one small class that replaces one
 * seam ({@code NodeStrategies}, {@code CoreSeams}, {@code SessionSeams}, {@code HandshakeChecks},
 * a setting or the time_compare hook) and one line in {@link dev.snow.ref.mutants.Mutants}
 * naming the requirements the suite must fail. {@code bin/snow-mutant} runs one as an adapter;
 * the suite's mutation gate ({@code -Pconformance}) proves each is killed (docs/MUTATION.md).
 */
package dev.snow.ref.mutants;
