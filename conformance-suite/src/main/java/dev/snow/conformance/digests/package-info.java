/** Digests (AUTH-*): HMAC-SHA256 keyed with the cookie, wrong digests in both directions, reflection, freshness, secrecy, timing. */
package dev.snow.conformance.digests;
