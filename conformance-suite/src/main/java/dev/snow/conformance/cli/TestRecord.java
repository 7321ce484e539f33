package dev.snow.conformance.cli;

import java.util.List;

/**
 * The outcome of one requirement test (or dynamic case) for one implementation.
 *
 * @param start when it started, epoch milliseconds (0 when unknown)
 */
public record TestRecord(String key, String displayName, List<String> requirements, Verdict verdict, String message,
                         long millis, List<String> notes, long start) {
    public TestRecord(String key, String displayName, List<String> requirements, Verdict verdict, String message,
                      long millis, List<String> notes) {
        this(key, displayName, requirements, verdict, message, millis, notes, 0);
    }
}
