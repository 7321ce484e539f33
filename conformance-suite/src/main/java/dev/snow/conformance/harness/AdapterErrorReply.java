package dev.snow.conformance.harness;

/** The adapter answered a command with {@code {"reply":"error","code":...}}. */
public final class AdapterErrorReply extends RuntimeException {
    private final String command;
    private final String code;

    public AdapterErrorReply(String command, String code, String message) {
        super("the adapter answered '" + command + "' with error " + code + (message == null ? "" : ": " + message));
        this.command = command;
        this.code = code;
    }

    public String command() {
        return command;
    }

    public String code() {
        return code;
    }
}
