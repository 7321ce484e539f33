/** Security considerations (SEC-*), demonstrated against the IUT and reported as informational, never as failures. */
package dev.snow.conformance.security;
