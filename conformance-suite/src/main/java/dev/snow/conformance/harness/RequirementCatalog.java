package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * docs/requirements.json: every requirement ID with its section, level (MUST, SHOULD, INFO) and
 * text. Bundled in the jar at {@code dev/snow/conformance/requirements.json}.
 */
public final class RequirementCatalog {
    /** One requirement of the spec. */
    public record Spec(String id, String section, String level, String text) {
        public boolean isMust() {
            return "MUST".equals(level);
        }
    }

    public static final String RESOURCE = "/dev/snow/conformance/requirements.json";
    private static volatile RequirementCatalog bundled;

    private final Map<String, Spec> specs;

    private RequirementCatalog(Map<String, Spec> specs) {
        this.specs = specs;
    }

    /** The catalogue bundled with the suite. */
    public static RequirementCatalog bundled() {
        RequirementCatalog c = bundled;
        if (c == null) {
            try (InputStream in = RequirementCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("requirements.json is not bundled at " + RESOURCE + " (build the suite with Maven)");
                }
                c = parse(AdapterProcess.JSON.readTree(in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled requirements.json: " + e.getMessage(), e);
            }
            bundled = c;
        }
        return c;
    }

    public static RequirementCatalog load(Path file) throws IOException {
        return parse(AdapterProcess.JSON.readTree(Files.readAllBytes(file)));
    }

    static RequirementCatalog parse(JsonNode root) {
        Map<String, Spec> specs = new LinkedHashMap<>();
        for (JsonNode r : root.path("requirements")) {
            Spec s = new Spec(r.path("id").asText(), r.path("section").asText(), r.path("level").asText(), r.path("text").asText());
            specs.put(s.id(), s);
        }
        if (specs.isEmpty()) {
            throw new IllegalStateException("requirements.json lists no requirements");
        }
        return new RequirementCatalog(specs);
    }

    public Spec get(String id) {
        return specs.get(id);
    }

    public boolean has(String id) {
        return specs.containsKey(id);
    }

    /** In document order. */
    public Collection<Spec> all() {
        return specs.values();
    }
}
