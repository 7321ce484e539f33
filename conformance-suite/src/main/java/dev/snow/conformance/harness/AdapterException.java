package dev.snow.conformance.harness;

/**
 * The adapter broke its contract or went away (no ready line, not JSON, no reply in time, process
 * exited). The message is meant to be read by a person as is.
 */
public final class AdapterException extends RuntimeException {
    public AdapterException(String message) {
        super(message);
    }

    public AdapterException(String message, Throwable cause) {
        super(message, cause);
    }
}
