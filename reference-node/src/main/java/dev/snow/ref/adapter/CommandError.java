package dev.snow.ref.adapter;

/** A command that gets an {@code error} reply: a code of docs/ADAPTER.md and a human message. */
final class CommandError extends Exception {
    private final String code;

    CommandError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static CommandError badRequest(String message) {
        return new CommandError("bad_request", message);
    }

    String code() {
        return code;
    }
}
