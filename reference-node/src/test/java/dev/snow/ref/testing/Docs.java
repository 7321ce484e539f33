package dev.snow.ref.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the repository's docs/ (vectors, requirements) from tests, wherever Maven runs them. */
public final class Docs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Docs() {
    }

    public static Path path(String relative) {
        String configured = System.getProperty("snow.docs");
        Path base = configured != null ? Path.of(configured) : Path.of("..", "docs");
        Path p = base.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing " + p.toAbsolutePath() + " (set -Dsnow.docs=<repo>/docs)");
        }
        return p;
    }

    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
