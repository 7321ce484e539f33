/**
 * The command line, {@code bin/snow-sim}: {@code run} (one seed or a sweep, a JSON-lines trace,
 * the determinism self-check), {@code validate} (load files only) and {@code bench} (the
 * performance harness). Exit codes: 0 all passed, 1 a failure, 2 a usage or configuration error.
 *
 * <p>Rule of this package: it may read the wall clock, but only to show progress and speed;
 * nothing it reads reaches a simulation.
 */
package dev.snow.sim.cli;
