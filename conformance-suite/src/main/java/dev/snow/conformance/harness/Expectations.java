package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An implementation's expected failures. File format (YAML):
 * <pre>
 * expected_failures:
 *   - test: digests.CookieMismatchTest#wrongReplyDigest    # a {@link TestKey}
 *     reason: "why this implementation fails it"          # mandatory
 * </pre>
 * A listed test that fails is reported as an expected failure; one that passes fails the run
 * (XPASS: the entry is stale); an entry that matches no test that ran is an error. Entries
 * cannot rot.
 */
public final class Expectations {
    /** One expected failure. */
    public record Entry(String test, String reason) {
    }

    private final Path source;
    private final Map<String, Entry> entries;
    private final Set<String> matched = new java.util.HashSet<>();

    private Expectations(Path source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    public static Expectations none() {
        return new Expectations(null, Map.of());
    }

    public static Expectations load(Path file) {
        JsonNode root = Yaml.read(file, "expectations file");
        String where = "expectations file " + file;
        Yaml.onlyKeys(root, Set.of("implementation", "expected_failures"), where);
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonNode list = root.path("expected_failures");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw new ConfigError(where + ": expected_failures must be a list");
        }
        int i = 0;
        for (JsonNode e : list) {
            i++;
            String at = where + ", entry " + i;
            Yaml.onlyKeys(e, Set.of("test", "reason"), at);
            String test = Yaml.requiredText(e, "test", at);
            JsonNode r = e.get("reason");
            if (r == null || !r.isValueNode() || r.asText().isBlank()) {
                throw new ConfigError(at + " (" + test + ") has no reason: every expected failure needs one,"
                        + " e.g. reason: \"accepts a wrong digest (issue 12)\"");
            }
            String reason = r.asText();
            if (!test.contains("#")) {
                throw new ConfigError(at + ": test \"" + test + "\" is not a test key (package.Class#method or ...#method[case])");
            }
            if (entries.put(test, new Entry(test, reason)) != null) {
                throw new ConfigError(at + ": test \"" + test + "\" is listed twice");
            }
        }
        return new Expectations(file, entries);
    }

    /** The entry for {@code testKey}, marking it as matched; null if the test is not expected to fail. */
    public synchronized Entry lookup(String testKey) {
        Entry e = entries.get(testKey);
        if (e != null) {
            matched.add(testKey);
        }
        return e;
    }

    /** Entries that matched no test that ran: each one is an error. */
    public synchronized List<Entry> unmatched() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!matched.contains(e.test())) {
                out.add(e);
            }
        }
        return out;
    }

    public int size() {
        return entries.size();
    }

    /** The file, or null for {@link #none()}. */
    public Path source() {
        return source;
    }
}
