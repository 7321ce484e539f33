/**
 * The {@code snow-node} command (picocli): runs a reference node and prints one line per
 * node_up / node_down / handshake_failed, or with {@code --adapter} speaks docs/ADAPTER.md.
 *
 * <p>Rule of this package: it turns options into {@link dev.snow.ref.transport.NodeSettings}
 * and events into lines, and owns the process: exit codes, signals, stdout/stderr. The cookie
 * is read from a file (or an option) and never printed, logged or put in an error message.
 */
package dev.snow.ref.cli;
