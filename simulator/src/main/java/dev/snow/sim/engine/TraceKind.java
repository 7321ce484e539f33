package dev.snow.sim.engine;

/** The kinds of trace records, with the name each has in a JSON-lines trace. */
public enum TraceKind {
    /** A scenario action was applied (detail: its description). */
    ACTION("action"),
    /** A node started (value: creation) or stopped / crashed (detail: how). */
    START("start"),
    STOP("stop"),
    CRASH("crash"),
    /** A node dialled (detail: the peer name). */
    DIAL("dial"),
    /** A SYN reached a listening node and it accepted. */
    ACCEPT("accept"),
    /** A SYN reached a host with no listener, or the node refused it. */
    REFUSED("refused"),
    /** TCP and TLS up on one end. */
    READY("ready"),
    /** Application bytes reached a node (detail: the bytes). */
    DELIVER("deliver"),
    /** A node closed a connection (FIN sent). */
    CLOSE("close"),
    /** The peer's FIN reached a node. */
    EOF("eof"),
    /** An RST reached a node, or TCP gave up (detail: why). */
    RESET("reset"),
    /** A segment was sent again after its retransmission timeout (detail: segment kind). */
    RETRANSMIT("retransmit"),
    /** A node's timer ran. */
    WAKE("wake"),
    /** The events of the core. */
    NODE_UP("node_up"),
    NODE_DOWN("node_down"),
    HANDSHAKE_FAILED("handshake_failed"),
    /** A check failed here (detail: the message). */
    VIOLATION("violation");

    private final String jsonName;

    TraceKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
