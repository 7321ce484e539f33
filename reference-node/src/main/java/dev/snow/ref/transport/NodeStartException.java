package dev.snow.ref.transport;

/** The node could not start (e.g. the listen address is taken); the message says why. */
public final class NodeStartException extends Exception {
    public NodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
