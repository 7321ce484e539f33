/**
 * The adapter contract of docs/ADAPTER.md (version 1) for the reference node: JSON lines on
 * stdin (commands) and stdout (replies and events), logs on stderr.
 *
 * <p>Rule of this package: it translates, it does not decide. Every protocol decision stays in
 * the core; this package validates command fields (each error names the field and the value
 * seen), runs the node through {@link dev.snow.ref.transport.SnowNode}, and writes one JSON
 * object per line, flushed. A malformed line is answered with {@code bad_request}, never a
 * crash. The cookie is never written anywhere (AUTH-7).
 */
package dev.snow.ref.adapter;
