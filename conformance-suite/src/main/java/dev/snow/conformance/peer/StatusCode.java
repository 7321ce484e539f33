package dev.snow.conformance.peer;

import java.util.Locale;

/** STATUS_CHALLENGE status codes (STATUS-1). */
public enum StatusCode {
    OK(0),
    OK_SIMULTANEOUS(1),
    NOK(2),
    NOT_ALLOWED(3),
    ALIVE(4);

    public final int code;

    StatusCode(int code) {
        this.code = code;
    }

    /** ok, ok_simultaneous and alive carry a 32-byte challenge and the handshake goes on (STATUS-2). */
    public boolean continues() {
        return this == OK || this == OK_SIMULTANEOUS || this == ALIVE;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for {@code code}, or null when unknown. */
    public static StatusCode of(int code) {
        for (StatusCode s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
