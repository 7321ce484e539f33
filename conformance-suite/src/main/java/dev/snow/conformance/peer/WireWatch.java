package dev.snow.conformance.peer;

/** Sees every byte an IUT sent on a connection once it ends (e.g. to look for the cookie, AUTH-7). */
@FunctionalInterface
public interface WireWatch {
    WireWatch NONE = (label, received) -> { };

    void inspect(String connection, byte[] received);
}
