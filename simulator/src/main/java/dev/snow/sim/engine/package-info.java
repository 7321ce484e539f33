/**
 * The engine: a virtual clock, one event queue ordered by (time, sequence) and seeded random
 * streams split from one root seed.
 *
 * <p>Rule of this package: time moves only by popping the next event; nothing here reads a
 * wall clock, starts a thread, or draws randomness that is not derived from the root seed.
 * Two runs with the same seed pop the same events in the same order.
 */
package dev.snow.sim.engine;
