package dev.snow.conformance.interop;

/**
 * The cases every ordered pair of implementations plays. The row implementation is the
 * initiator; in {@link #SIMULTANEOUS} both initiate and the row node has the smaller name, so
 * its outgoing connection must survive (TIE-1).
 */
public enum InteropCase {
    HANDSHAKE("handshake", "HS-1..HS-8, CONN-1/2", "row connects to column; both report node_up with the other's creation; a disconnect ends both"),
    SIMULTANEOUS("simultaneous", "TIE-1..TIE-5", "both connect at once; one session survives: the smaller (row) node's outgoing connection"),
    HEARTBEAT_TIMEOUT("heartbeat-timeout", "HB-1..HB-3", "the session stays up over several heartbeats, then the column node is frozen and the row node reports heartbeat_timeout"),
    REPLACEMENT("replacement", "STATUS-6, ID-8", "the row node is frozen and restarted with a new creation; its reconnect is answered alive and replaces the session"),
    WRONG_COOKIE("wrong-cookie", "AUTH-6", "cookies differ: the column node reports cookie_mismatch, the row node io, nobody node_up"),
    HARDENED("hardened", "HARD-1..HARD-6", "both nodes run the hardened profile: mutual TLS and bound digests; both report node_up, a disconnect ends both"),
    PROFILE_MISMATCH("profile-mismatch", "HARD-7, HARD-1", "a hardened row node dials a base column node, then a base row node dials a hardened column node: the hardened side reports profile_mismatch each time, nobody node_up");

    private final String id;
    private final String requirements;
    private final String description;

    InteropCase(String id, String requirements, String description) {
        this.id = id;
        this.requirements = requirements;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String requirements() {
        return requirements;
    }

    public String description() {
        return description;
    }

    public static InteropCase byId(String id) {
        for (InteropCase c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown interop case \"" + id + "\"; known: " + java.util.Arrays.stream(values()).map(InteropCase::id).toList());
    }
}
