/** Simultaneous connect (TIE-*): the tester forces the race in both name orders, and impostors try to cancel attempts. */
package dev.snow.conformance.tiebreak;
