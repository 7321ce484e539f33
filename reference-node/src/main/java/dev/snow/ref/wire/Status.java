package dev.snow.ref.wire;

/** STATUS_CHALLENGE status codes (STATUS-1). */
public enum Status {
    OK(0, "ok"),
    OK_SIMULTANEOUS(1, "ok_simultaneous"),
    NOK(2, "nok"),
    NOT_ALLOWED(3, "not_allowed"),
    ALIVE(4, "alive");

    private static final Status[] BY_CODE = values();

    private final int code;
    private final String wireName;

    Status(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    /** The lower-case name used in docs, vectors and adapter events. */
    public String wireName() {
        return wireName;
    }

    /** ok, ok_simultaneous and alive carry a 32-byte challenge and the handshake goes on (STATUS-2). */
    public boolean continues() {
        return this == OK || this == OK_SIMULTANEOUS || this == ALIVE;
    }

    /** The status for an unsigned byte value, or {@code null} when unknown (STATUS-4). */
    public static Status fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public static Status fromWireName(String name) {
        for (Status s : BY_CODE) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status name: " + name);
    }
}
