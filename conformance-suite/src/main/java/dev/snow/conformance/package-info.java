/**
 * The Snow conformance suite. {@code harness} drives an implementation under test (IUT) through
 * the adapter contract (docs/ADAPTER.md); {@code peer} is the scripted tester node with its own
 * codec, HMAC and TLS; {@code cli} launches runs and reports verdicts. Every other package holds
 * requirement tests for one section of docs/PROTOCOL.md, each test naming the requirement IDs of
 * docs/requirements.json it checks ({@link dev.snow.conformance.harness.Requirement}).
 *
 * <p>Rule: nothing here imports the reference node ({@code dev.snow.ref}); one codec bug must not
 * be able to hide another.
 */
package dev.snow.conformance;
