/** TLS (TLS-*): TLS 1.3 only in both roles, no certificate checks, no client certificates, the listener's certificate. */
package dev.snow.conformance.tls;
