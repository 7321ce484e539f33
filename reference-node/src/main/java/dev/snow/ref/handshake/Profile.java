package dev.snow.ref.handshake;

import java.util.Locale;

/**
 * The security profile a node runs (docs/PROTOCOL.md, HARD-1): {@code base} is version 1.0
 * (digests over the challenge only, SEC-1); {@code hardened} adds mutual TLS and binds every
 * digest to both certificates, the role, both names and both challenges (HARD-2..HARD-6).
 * The two never talk to each other (HARD-7).
 */
public enum Profile {
    BASE("base"),
    HARDENED("hardened");

    private final String option;

    Profile(String option) {
        this.option = option;
    }

    /** The name used on the command line ({@code --profile}) and in the adapter's {@code start}. */
    public String option() {
        return option;
    }

    /** Parses {@code base} or {@code hardened}; the message names the value seen. */
    public static Profile parse(String text) {
        for (Profile p : values()) {
            if (p.option.equals(text.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("HARD-1: unknown profile \"" + text + "\"; known: base, hardened");
    }

    @Override
    public String toString() {
        return option;
    }
}
