package dev.snow.conformance.harness;

import java.nio.file.Path;

/** The default implementation under test: the reference node built in the same reactor. */
public final class DefaultIut {
    private DefaultIut() {
    }

    /** {@code <root>/bin/snow-node --adapter}, quoted for /bin/sh. */
    public static String command(Path root) {
        return "'" + root.resolve("bin").resolve("snow-node").toString().replace("'", "'\\''") + "' --adapter";
    }
}
