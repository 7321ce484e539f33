package dev.snow.ref.session;

/** Why an established session ended (node_down reasons in docs/ADAPTER.md). */
public enum DownReason {
    CLOSED("closed"),
    HEARTBEAT_TIMEOUT("heartbeat_timeout"),
    REPLACED("replaced"),
    DISCONNECT("disconnect"),
    PROTOCOL_ERROR("protocol_error");

    private final String wireName;

    DownReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
