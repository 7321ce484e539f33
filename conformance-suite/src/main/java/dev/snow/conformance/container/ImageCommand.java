package dev.snow.conformance.container;

import java.util.Map;

/**
 * The adapter command that runs a conformance.yaml {@code image:} entry: the bridge
 * {@code bin/snow-container-adapter} with the image and the entry's environment, every argument
 * quoted for {@code /bin/sh -c}, so the harness starts it like any other adapter command.
 */
public final class ImageCommand {
    /** The bridge, relative to the project root (the default workdir). */
    public static final String BRIDGE = "bin/snow-container-adapter";

    private ImageCommand() {
    }

    /** {@code bin/snow-container-adapter --env 'K=V' ... 'IMAGE'}. */
    public static String of(String image, Map<String, String> env) {
        StringBuilder b = new StringBuilder(BRIDGE);
        env.forEach((k, v) -> b.append(" --env ").append(quote(k + "=" + v)));
        return b.append(' ').append(quote(image)).toString();
    }

    /** One shell word: single-quoted, with each {@code '} written as {@code '\''}. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Checks a Docker image reference in the form Docker accepts, {@code [registry/]path[:tag][@digest]},
     * lower-case path components: returns why it is not one, or null.
     */
    public static String whyInvalid(String image) {
        String component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
        String registry = "(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?";
        String path = component + "(?:/" + component + ")*";
        String tag = "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?";
        String digest = "(?:@sha256:[a-f0-9]{64})?";
        if (image.matches(registry + path + tag + digest)) {
            return null;
        }
        return "image \"" + image + "\" is not a Docker image reference ([registry/]name[:tag][@sha256:digest], lower-case name)";
    }
}
