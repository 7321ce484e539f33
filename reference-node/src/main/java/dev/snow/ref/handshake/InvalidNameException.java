package dev.snow.ref.handshake;

/** A node name broke NAME-1 or NAME-2; the message names the rule and the value seen. */
public final class InvalidNameException extends Exception {
    private final String rule;

    public InvalidNameException(String rule, String message) {
        super(rule + ": " + message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
