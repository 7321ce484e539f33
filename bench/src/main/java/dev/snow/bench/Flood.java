package dev.snow.bench;

/**
 * A source of issue 14's eviction flood: paced plain TCP connects from one loopback address,
 * each held until the node closes it or the hold limit passes. {@link ConnectFlood} runs in the
 * harness JVM; {@link NativeFlood} is a small C program, cheaper per connect, for the rates
 * the JVM cannot offer on a small machine.
 */
interface Flood extends AutoCloseable {
    /** Which implementation, for the report. */
    String kind();

    void start() throws Exception;

    /** Cumulative counters. */
    Counters counters() throws Exception;

    /** Sockets still open; 0 after {@link #close()}, else a leak. */
    long openSockets() throws Exception;

    @Override
    void close() throws Exception;

    /** Several floods from the same source as one: counters summed, closed together. */
    static Flood all(java.util.List<Flood> parts) {
        return new Flood() {
            @Override
            public String kind() {
                return parts.size() + " x " + parts.get(0).kind();
            }

            @Override
            public void start() throws Exception {
                for (Flood f : parts) {
                    f.start();
                }
            }

            @Override
            public Counters counters() throws Exception {
                Counters sum = Counters.ZERO;
                for (Flood f : parts) {
                    Counters c = f.counters();
                    sum = new Counters(sum.offered + c.offered, sum.connected + c.connected, sum.closedByNode + c.closedByNode,
                            sum.abandoned + c.abandoned, sum.errors + c.errors, sum.starved + c.starved);
                }
                return sum;
            }

            @Override
            public long openSockets() throws Exception {
                long open = 0;
                for (Flood f : parts) {
                    open += f.openSockets();
                }
                return open;
            }

            @Override
            public void close() throws Exception {
                Exception first = null;
                for (Flood f : parts) {
                    try {
                        f.close();
                    } catch (Exception e) {
                        first = first == null ? e : first;
                    }
                }
                if (first != null) {
                    throw first;
                }
            }
        };
    }

    /**
     * connect() calls made; three-way handshakes completed; connections the node closed; reset
     * by the flooder at the hold limit; connects that failed; offers due but not made (the
     * descriptor budget was full).
     */
    record Counters(long offered, long connected, long closedByNode, long abandoned, long errors, long starved) {
        static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0);

        /** Per second from {@code before} to this, over {@code seconds}. */
        double[] ratesSince(Counters before, double seconds) {
            return new double[] {(offered - before.offered) / seconds, (connected - before.connected) / seconds,
                (closedByNode - before.closedByNode) / seconds, (abandoned - before.abandoned) / seconds,
                (errors - before.errors) / seconds, (starved - before.starved) / seconds};
        }
    }
}
