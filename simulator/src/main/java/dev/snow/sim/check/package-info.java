/**
 * Checks: invariants after every event ({@link dev.snow.sim.check.Invariants}), the scenario's
 * expectations at the end ({@link dev.snow.sim.check.ExpectationVerifier}), the trace
 * ({@link dev.snow.sim.check.TraceLog}: JSON lines, a ring for failure reports, the trace hash)
 * and the failure report with its one-line replay command.
 *
 * <p>Rule of this package: a check observes and judges, it never changes the run. Expectations
 * are judged from node events ({@link dev.snow.sim.check.Observation}) alone, so a runner that
 * drives real processes can reuse them; only the invariants look inside the simulation.
 */
package dev.snow.sim.check;
