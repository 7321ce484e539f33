/**
 * Running the suite: the command line ({@link dev.snow.conformance.cli.ConformanceMain}, behind
 * {@code bin/snow-conformance} and {@code -Pconformance}), one JUnit Platform launch per
 * implementation ({@link dev.snow.conformance.cli.SuiteRunner}) with JUnit XML, Allure results
 * and a live progress line per test, and the verdict summary per requirement
 * ({@link dev.snow.conformance.cli.SummaryTable}).
 *
 * <p>Rule: a bad configuration or a broken adapter ends with one clear message and exit status
 * 2; an unexpected failure, an XPASS or an expectation that matched nothing ends with status 1.
 */
package dev.snow.conformance.cli;
