/** Sessions (CONN-*): disconnect, peer close, one session per name, orderly stop. */
package dev.snow.conformance.sessions;
