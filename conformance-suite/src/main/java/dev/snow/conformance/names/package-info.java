/** Names (NAME-*): what the IUT accepts and refuses, exact comparison, the default port. */
package dev.snow.conformance.names;
