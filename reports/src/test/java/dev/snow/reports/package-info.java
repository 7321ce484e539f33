/**
 * Checks of the rendered conformance report as a user sees it: a small report rendered by
 * Allure's command line from results the suite's writer made, served on loopback and read in
 * headless Debian Chromium through the DevTools protocol.
 *
 * <p>Rule: only loopback addresses; no browser download; without a browser the check is
 * skipped with one line that says so.
 */
package dev.snow.reports;
