package dev.snow.ref.cli;

/** A bad option, value or file: exit status 2 with one clear message (never the cookie). */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
