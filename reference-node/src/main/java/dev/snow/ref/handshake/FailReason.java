package dev.snow.ref.handshake;

/** Why a handshake did not establish a session (handshake_failed reasons in docs/ADAPTER.md). */
public enum FailReason {
    COOKIE_MISMATCH("cookie_mismatch"),
    PROTOCOL_ERROR("protocol_error"),
    TIMEOUT("timeout"),
    NOT_ALLOWED("not_allowed"),
    NOK("nok"),
    TLS("tls"),
    IO("io"),
    /** The peer runs the other profile (HARD-7): no mutual TLS where the hardened profile needs it. */
    PROFILE_MISMATCH("profile_mismatch");

    private final String wireName;

    FailReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
