package dev.snow.bench;

import dev.snow.ref.transport.HostPort;
import java.io.IOException;
import java.util.Map;

/**
 * The node the setup benchmark loads, in its own process: where it listens and its counters
 * ({@code up}: node_up events so far, {@code wall_ns}, {@code cpu_ns}, {@code user_ticks},
 * {@code sys_ticks}) read at the edges of a measurement window.
 */
interface ServerUnderTest extends AutoCloseable {
    HostPort address();

    Map<String, Long> quickStats() throws IOException;
}
