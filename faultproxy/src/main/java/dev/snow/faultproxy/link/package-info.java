/**
 * The sockets and threads: a {@link dev.snow.faultproxy.link.Proxy} listens and dials, a
 * {@link dev.snow.faultproxy.link.Connection} pairs the two sockets, and one
 * {@link dev.snow.faultproxy.link.Link} per direction moves bytes through the proxy's toxic chain.
 *
 * <p>Rule of this package: blocking I/O, a fixed number of threads per object (one acceptor per
 * enabled proxy, a reader and a writer per link) and bounded buffers (a link holds at most
 * {@link dev.snow.faultproxy.link.Link#BUFFER_LIMIT} bytes; a full link stops reading, so TCP
 * pushes back on the sender). Every thread ends when its object is closed, and closing is
 * idempotent; nothing here is allocated by a size a peer declares.
 */
package dev.snow.faultproxy.link;
