/** Test fixtures shared by the reference node's tests: access to docs/ and its vectors. */
package dev.snow.ref.testing;
