package dev.snow.sim.engine;

/**
 * Where the simulation reports what happened, one record per step that matters. The check
 * package keeps the records (a ring for failure reports, an optional JSON-lines file) and
 * folds them into the run's trace hash.
 */
public interface Trace {
    /**
     * @param time       virtual nanoseconds
     * @param node       host/node index, or -1
     * @param connection the node core's connection id, or -1
     * @param tcp        the simulated TCP connection number (shared by both ends), or -1
     * @param value      a number whose meaning depends on the kind (a length, a creation...)
     * @param detail     text, bytes, or a core event; may be null
     */
    void record(long time, TraceKind kind, int node, long connection, long tcp, long value, Object detail);

    Trace NONE = (time, kind, node, connection, tcp, value, detail) -> { };
}
