package dev.snow.conformance.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requirement a failure breaks (docs/MUTATION.md, precise attribution). Every check names
 * its rule at the head of its message ({@code "AUTH-6: ..."}, AssertJ's {@code "[AUTH-6: ...]"},
 * a liveness check's {@code "LIM-4 (liveness check): ..."}); a failure marks that requirement
 * only, not every requirement of the test it happened in. A message whose head names no rule
 * (a deadline, an I/O error) falls back to the test's own requirements.
 */
final class Attribution {
    /** Requirement IDs as docs/requirements.json spells them. */
    private static final Pattern ID = Pattern.compile("\\b(?:FRAME|NAME|HS|STATUS|AUTH|TIE|ID|HB|LIM|CONN|TLS|SEC)-\\d+\\b");
    /** How far into a message its head may reach when it has no ": ". */
    private static final int HEAD = 160;

    private Attribution() {
    }

    /** The requirements a failure with {@code message} breaks, in a test checking {@code testRequirements}. */
    static List<String> of(String message, List<String> testRequirements) {
        if (message == null) {
            return testRequirements;
        }
        int colon = message.indexOf(": ");
        String head = message.substring(0, Math.min(message.length(), colon >= 0 ? Math.min(colon, HEAD) : HEAD));
        Matcher m = ID.matcher(head);
        return m.find() ? List.of(m.group()) : testRequirements;
    }
}
