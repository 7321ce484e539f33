package dev.snow.ref.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed reads of a command's fields. Every failure is a {@code bad_request} that names the field
 * and shows the value seen, except for {@code cookie}, whose value is never shown (AUTH-7).
 * Unknown fields are ignored (docs/ADAPTER.md: later versions may add fields).
 */
final class Fields {
    private final ObjectNode command;

    Fields(ObjectNode command) {
        this.command = command;
    }

    boolean has(String field) {
        JsonNode v = command.get(field);
        return v != null && !v.isNull();
    }

    String requiredString(String field) throws CommandError {
        if (!has(field)) {
            throw CommandError.badRequest(field + " is missing");
        }
        return string(field);
    }

    String optionalString(String field, String otherwise) throws CommandError {
        return has(field) ? string(field) : otherwise;
    }

    private String string(String field) throws CommandError {
        JsonNode v = command.get(field);
        if (!v.isTextual()) {
            throw CommandError.badRequest(field + " must be a string, was " + shown(field, v));
        }
        return v.textValue();
    }

    /** An integer in {@code min..max}, or {@code otherwise} when absent. */
    long optionalLong(String field, long min, long max, long otherwise) throws CommandError {
        if (!has(field)) {
            return otherwise;
        }
        JsonNode v = command.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw CommandError.badRequest(field + " must be an integer " + min + ".." + max + ", was " + shown(field, v));
        }
        return v.longValue();
    }

    int optionalInt(String field, int min, int max, int otherwise) throws CommandError {
        return (int) optionalLong(field, min, max, otherwise);
    }

    long requiredLong(String field, long min, long max) throws CommandError {
        if (!has(field)) {
            throw CommandError.badRequest(field + " is missing");
        }
        return optionalLong(field, min, max, 0);
    }

    JsonNode requiredArray(String field) throws CommandError {
        if (!has(field)) {
            throw CommandError.badRequest(field + " is missing");
        }
        JsonNode v = command.get(field);
        if (!v.isArray()) {
            throw CommandError.badRequest(field + " must be an array, was " + shown(field, v));
        }
        return v;
    }

    /** The value as JSON text, shortened; never the cookie. */
    static String shown(String field, JsonNode v) {
        if (field.equals("cookie")) {
            return "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " (value not shown)";
        }
        String text = v.toString();
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
