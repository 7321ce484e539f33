/**
 * {@code bin/snow-faultproxy}: runs the fault proxy server alone, or measures it ({@code bench}).
 *
 * <p>Rule of this package: usage errors print one line and the usage, and exit 2; nothing here
 * holds protocol or proxy logic, only argument handling, printing and the benchmark's loopback
 * peers.
 */
package dev.snow.faultproxy.cli;
