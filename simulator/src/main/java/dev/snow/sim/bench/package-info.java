/**
 * The performance harness behind {@code bin/snow-sim bench}: baselines measured in the same
 * run (the bare event queue, two reference cores back to back) and timed scenario runs,
 * reported as ratios to the baselines.
 *
 * <p>Rule of this package: it reads the wall clock to measure, and nothing it measures feeds
 * back into a simulation; it asserts nothing about speed (that is for people reading the numbers).
 */
package dev.snow.sim.bench;
