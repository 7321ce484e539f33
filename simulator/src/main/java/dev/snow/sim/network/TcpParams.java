package dev.snow.sim.network;

/**
 * TCP timers of the virtual network, in nanoseconds (defaults close to Linux):
 * <ul>
 *   <li>{@code rtoMin}: added to the estimated round trip for a data segment's first
 *       retransmission timeout (200 ms); each further timeout doubles, up to {@code rtoMax} (120 s);</li>
 *   <li>{@code synRto}: first SYN retransmission timeout (1 s), doubling;</li>
 *   <li>{@code synTimeout}: a dial with no SYN-ACK for this long fails (127 s, six SYN retries);</li>
 *   <li>{@code resetAfter}: a segment unacknowledged for this long aborts the connection
 *       (15 min, about Linux's tcp_retries2 = 15).</li>
 * </ul>
 */
public record TcpParams(long rtoMin, long rtoMax, long synRto, long synTimeout, long resetAfter) {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    public static final TcpParams DEFAULT = new TcpParams(200 * MS, 120 * S, S, 127 * S, 900 * S);

    public TcpParams {
        if (rtoMin <= 0 || rtoMax < rtoMin || synRto <= 0 || synTimeout <= 0 || resetAfter <= 0) {
            throw new IllegalArgumentException("TCP timers must be positive with rto_min <= rto_max: " + this);
        }
    }
}
