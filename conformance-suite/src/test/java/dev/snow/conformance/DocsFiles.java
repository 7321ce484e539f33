package dev.snow.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the unit tests find docs/ (surefire sets snow.docs; else ../docs from the module). */
public final class DocsFiles {
    private DocsFiles() {
    }

    public static Path docs() {
        String p = System.getProperty("snow.docs");
        Path d = p != null ? Path.of(p) : Path.of("..", "docs");
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("docs/ not found at " + d.toAbsolutePath());
        }
        return d;
    }

    public static Path module() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("src/main/java/dev/snow/conformance")) ? here : here.resolve("conformance-suite");
    }
}
