package dev.snow.ref.handshake;

/** Which side opened the connection: we dialled (outgoing, initiator) or accepted (incoming, acceptor). */
public enum Direction {
    INCOMING("incoming"),
    OUTGOING("outgoing");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
