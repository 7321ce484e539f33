package dev.snow.sim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, checked access to the fields of one YAML map. Every field read is remembered;
 * {@link #finish()} refuses the ones nobody read, naming the fields that are known, so a typo
 * is an error instead of a silently ignored setting.
 */
final class MapReader {
    private final YamlNode node;
    private final Map<String, YamlNode> entries;
    private final Set<String> known = new LinkedHashSet<>();

    MapReader(YamlNode node) {
        this.node = node;
        this.entries = node.entries();
    }

    YamlNode node() {
        return node;
    }

    boolean has(String key) {
        known.add(key);
        YamlNode v = entries.get(key);
        return v != null && v.kind() != YamlNode.Kind.NULL;
    }

    YamlNode get(String key) {
        known.add(key);
        YamlNode v = entries.get(key);
        return v == null || v.kind() == YamlNode.Kind.NULL ? null : v;
    }

    YamlNode required(String key) {
        YamlNode v = get(key);
        if (v == null) {
            throw node.error("missing required field \"" + key + "\"");
        }
        return v;
    }

    <T> T convert(YamlNode v, Function<String, T> parser) {
        try {
            return parser.apply(v.text());
        } catch (IllegalArgumentException e) {
            throw v.error(e.getMessage());
        }
    }

    <T> T value(String key, Function<String, T> parser, T fallback) {
        YamlNode v = get(key);
        return v == null ? fallback : convert(v, parser);
    }

    String string(String key, String fallback) {
        YamlNode v = get(key);
        return v == null ? fallback : v.text();
    }

    long duration(String key, long fallback) {
        return value(key, Units::duration, fallback);
    }

    double rate(String key, double fallback) {
        return value(key, Units::rate, fallback);
    }

    int integer(String key, int min, int max, Integer fallback) {
        YamlNode v = get(key);
        if (v == null) {
            if (fallback == null) {
                throw node.error("missing required field \"" + key + "\"");
            }
            return fallback;
        }
        return integer(v, min, max);
    }

    static int integer(YamlNode v, int min, int max) {
        long n;
        try {
            n = Long.parseLong(v.text().trim());
        } catch (NumberFormatException e) {
            throw v.error("expected a whole number within " + min + ".." + max + ", found " + v.describe());
        }
        if (n < min || n > max) {
            throw v.error("must be within " + min + ".." + max + ", found " + n);
        }
        return (int) n;
    }

    boolean bool(String key, boolean fallback) {
        YamlNode v = get(key);
        if (v == null) {
            return fallback;
        }
        switch (v.text()) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw v.error("expected true or false, found " + v.describe());
        }
    }

    /** Reads a list field, or a single value as a list of one. */
    List<YamlNode> listOrOne(String key) {
        YamlNode v = get(key);
        if (v == null) {
            return List.of();
        }
        return v.isList() ? v.items() : List.of(v);
    }

    /** Refuses fields nobody read. */
    void finish() {
        List<String> unknown = new ArrayList<>();
        for (String k : entries.keySet()) {
            if (!known.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            YamlNode first = entries.get(unknown.get(0));
            throw ScenarioException.at(first.file(), first.line(), node.path(), "unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (known here: " + String.join(", ", known) + ")");
        }
    }
}
