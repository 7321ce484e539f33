package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.conformance.peer.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * docs/vectors/frames.json as bundled with the suite: the invalid frames (every one a protocol
 * error in any state) and the semantic ones (decode, but the handshake refuses them), which the
 * malformed-input tests send to the IUT byte for byte.
 */
public final class Vectors {
    public static final String FRAMES = "/dev/snow/conformance/vectors/frames.json";

    /** A frame a decoder must reject, by {@code rule}, after at most {@code rejectBy} bytes. */
    public record Invalid(String name, byte[] bytes, String rule, int rejectBy, String note) {
        public String slug() {
            return Vectors.slug(name);
        }
    }

    /**
     * A frame that decodes but that the handshake refuses: {@code acceptor} and {@code initiator}
     * are "not_allowed" or "protocol_error"; the context is an acceptor named
     * {@link #CONTEXT_ACCEPTOR} and an initiator that dialled it.
     */
    public record Semantic(String name, byte[] bytes, String type, String acceptor, String initiator, String rule) {
        public String slug() {
            return Vectors.slug(name);
        }
    }

    public static final String CONTEXT_ACCEPTOR = "beta@127.0.0.1:9102";

    private Vectors() {
    }

    public static List<Invalid> invalid() {
        List<Invalid> out = new ArrayList<>();
        for (JsonNode v : frames().path("invalid")) {
            out.add(new Invalid(v.path("name").asText(), Hex.parse(v.path("hex").asText()), v.path("rule").asText(),
                    v.path("reject_by").asInt(), v.path("note").asText("")));
        }
        return out;
    }

    public static List<Semantic> semantic() {
        List<Semantic> out = new ArrayList<>();
        for (JsonNode v : frames().path("semantic")) {
            out.add(new Semantic(v.path("name").asText(), Hex.parse(v.path("hex").asText()), v.path("frame").path("type").asText(),
                    v.path("acceptor").asText(), v.path("initiator").asText(), v.path("rule").asText()));
        }
        return out;
    }

    private static JsonNode frames() {
        try (InputStream in = Vectors.class.getResourceAsStream(FRAMES)) {
            if (in == null) {
                throw new IllegalStateException("the frame vectors are not bundled at " + FRAMES + " (build the suite with Maven)");
            }
            return AdapterProcess.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled frame vectors: " + e.getMessage(), e);
        }
    }

    /** A stable case id from a vector name: lower case, runs of other characters as '-'. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }
}
