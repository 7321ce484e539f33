package dev.snow.conformance.cli;

import java.util.List;

/** The outcome of one requirement test (or dynamic case) for one implementation. */
public record TestRecord(String key, String displayName, List<String> requirements, Verdict verdict, String message,
                         long millis, List<String> notes) {
}
