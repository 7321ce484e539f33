package dev.snow.ref.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name and version of this implementation, as the ready line and --version show them. */
public final class Implementation {
    public static final String NAME = "snow-reference";
    /** The adapter contract version spoken (docs/ADAPTER.md). */
    public static final String ADAPTER_VERSION = "1";

    private Implementation() {
    }

    public static String version() {
        try (InputStream in = Implementation.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
