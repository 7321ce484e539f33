package dev.snow.ref.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Parses {@code 200ms}, {@code 15s}, {@code 2m} (or ISO-8601 {@code PT15S}) into a positive Duration. */
final class Durations implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("pt")) {
                d = Duration.parse(text.trim());
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                throw new CommandLine.TypeConversionException("'" + text + "' needs a unit: 200ms, 15s or 2m");
            }
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration like 200ms, 15s or 2m");
        }
        if (d.isNegative() || d.isZero()) {
            throw new CommandLine.TypeConversionException("'" + text + "' must be longer than zero");
        }
        return d;
    }

    /** The way --help shows a default. */
    static String show(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
