/** Status codes (STATUS-*) the IUT acts on as initiator; the acceptor's statuses are checked where they arise. */
package dev.snow.conformance.status;
