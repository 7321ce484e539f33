package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

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
            throw new ConfigError(what + " " + file + " is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new ConfigError("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    static void onlyKeys(JsonNode object, Set<String> allowed, String where) {
        if (!object.isObject()) {
            throw new ConfigError(where + " must be a mapping, found: " + object);
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ConfigError(where + " has an unknown key \"" + k + "\" (known keys: " + String.join(", ", allowed) + ")");
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
