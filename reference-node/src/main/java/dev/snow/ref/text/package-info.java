/**
 * Text for humans: peer-supplied strings (node names above all) made safe to show in log lines
 * and event details (LOG-1, LOG-2).
 *
 * <p>Rule of this package: what a peer sent is never shown raw. Control, bidi, format and
 * other non-printing characters become visible escapes, and a name is cut to a stated length,
 * so one peer can neither split nor disguise a line nor grow the log by the size of its input.
 * Machine output (the adapter's JSON) keeps exact values and does not use this package.
 */
package dev.snow.ref.text;
