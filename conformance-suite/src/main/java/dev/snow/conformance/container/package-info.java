/**
 * Implementations shipped as Docker images (conformance.yaml {@code image:}), as the QUIC interop
 * runner ships its endpoints. Rule: the suite still speaks docs/ADAPTER.md to one process on
 * stdin/stdout; a bridge process ({@code bin/snow-container-adapter}) starts the image with
 * Testcontainers on the host's network and pipes its stdio through, so nothing else in the
 * harness knows about Docker. Where no Docker engine answers, the entry is skipped with one line,
 * checked before Testcontainers is touched: never an error, never a hang.
 */
package dev.snow.conformance.container;
