package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the suite's small YAML files with messages that name the file, the place and the value. */
final class Yaml {
    private static final YAMLMapper YAML = new YAMLMapper();

    private Yaml() {
    }

    static JsonNode read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigError(what + " not found: " + file);
        }
        try {
            JsonNode n = YAML.readTree(file.toFile());
            return n == null ? YAML.createObjectNode() : n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigError(what + " " + file + " is not valid YAML" + syntaxError(e));
        } catch (IOException e) {
            throw new ConfigError("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    /**
     * " at line L, column C: what" from SnakeYAML's message, whose last mark is the problem's
     * (Jackson's own location is the context's, often the line before).
     */
    static String syntaxError(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher marks = Pattern.compile("line (\\d+), column (\\d+)").matcher(m);
        String at = null;
        while (marks.find()) {
            at = " at line " + marks.group(1) + ", column " + marks.group(2);
        }
        if (at == null && e.getLocation() != null) {
            at = " at line " + e.getLocation().getLineNr();
        }
        String what = m.lines().filter(l -> !l.startsWith(" in ") && !l.isBlank() && !l.startsWith("    ")).reduce((a, b) -> a + " " + b).orElse(m);
        return (at == null ? "" : at) + ": " + what.strip();
    }

    static void onlyKeys(JsonNode object, Set<String> allowed, String where) {
        if (!object.isObject()) {
            throw new ConfigError(where + " must be a mapping, found: " + object);
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                String near = Suggest.closest(k, allowed);
                throw new ConfigError(where + " has an unknown key \"" + k + "\"" + (near == null ? " (" : " (did you mean \"" + near + "\"? ")
                        + "known keys: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    static String requiredText(JsonNode object, String key, String where) {
        JsonNode v = object.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new ConfigError(where + " needs a non-empty \"" + key + "\"");
        }
        return v.asText();
    }
}
