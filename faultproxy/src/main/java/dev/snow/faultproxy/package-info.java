/**
 * An embedded fault proxy that speaks Toxiproxy's HTTP API (see docs/FAULTPROXY.md):
 * {@link dev.snow.faultproxy.FaultServer} is the entry point, {@code Api} routes requests,
 * {@code ProxyRegistry} keeps the named proxies, {@code ApiJson} reads and writes the bodies.
 *
 * <p>Rule of this package: every request ends in an answer Toxiproxy would give (status and
 * {@code {"error":…,"status":…}} body), never in an exception escaping a handler; request bodies
 * are read up to a fixed limit; closing the server closes every proxy, socket and thread.
 */
package dev.snow.faultproxy;
