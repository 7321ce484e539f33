/**
 * Small collections shared by the protocol core and the simulator, for the maps touched on every
 * event: primitive keys, no boxing.
 *
 * <p>Rule of this package: plain data structures with no I/O, no clock and no randomness, and
 * no iteration in hash-table order (a caller that needs every key gets them sorted), so that
 * using them never makes a seeded run depend on the table layout.
 */
package dev.snow.ref.collect;
