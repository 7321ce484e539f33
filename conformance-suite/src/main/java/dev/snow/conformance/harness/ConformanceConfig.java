package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.conformance.container.DockerEngine;
import dev.snow.conformance.container.ImageCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * conformance.yaml: the implementations one run judges.
 * <pre>
 * implementations:
 *   - name: reference                       # [A-Za-z0-9_.-]+, unique; names its result directory
 *     command: bin/snow-node --adapter      # run with /bin/sh -c in workdir
 *     image: ghcr.io/me/snow-node:1.0       # or, instead of command, a Docker image whose
 *                                           #   entrypoint is the adapter; env goes into the
 *                                           #   container; skipped, one line, without Docker
 *     expectations: expectations/reference.yaml   # optional, relative to this file
 *     workdir: ..                           # optional, relative to this file (default: the
 *                                           #   project root when known, else this file's folder)
 *     timeout_scale: 1.0                    # optional, multiplies the suite's deadlines
 *     env: {SNOW_LOG: debug}                # optional extra environment
 *     select: [digests, handshake.HandshakeLayoutTest]   # optional subset of tests
 *     requires: [implementations/rust-node/target/release/snow-rust-node]
 *                                           # optional files (relative to workdir); when one is
 *                                           #   missing the implementation is skipped, one line
 * </pre>
 */
public final class ConformanceConfig {
    private static final Set<String> KEYS = Set.of("name", "command", "image", "expectations", "workdir", "timeout_scale", "env", "select", "requires");

    private ConformanceConfig() {
    }

    /** Loads the file; implementations whose {@code requires} files are missing are left out with one line on stdout. */
    public static List<Implementation> load(Path file, Path defaultWorkdir) {
        return load(file, defaultWorkdir, line -> System.out.println(line));
    }

    /** Loads the file; {@code onSkip} gets one line per implementation left out by {@code requires}. */
    public static List<Implementation> load(Path file, Path defaultWorkdir, Consumer<String> onSkip) {
        return load(file, defaultWorkdir, onSkip, DockerEngine::whyAbsent);
    }

    /**
     * As {@link #load(Path, Path, Consumer)}; {@code whyNoDocker} says why no Docker engine answers
     * (null when one may), asked only when an {@code image:} entry needs one.
     */
    static List<Implementation> load(Path file, Path defaultWorkdir, Consumer<String> onSkip, Supplier<String> whyNoDocker) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        JsonNode root = Yaml.read(abs, "configuration file");
        String where = "configuration file " + abs;
        Yaml.onlyKeys(root, Set.of("implementations"), where);
        JsonNode list = root.path("implementations");
        if (!list.isArray() || list.isEmpty()) {
            throw new ConfigError(where + ": \"implementations\" must be a non-empty list");
        }
        List<Implementation> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode n : list) {
            i++;
            String at = where + ", implementation " + i;
            Yaml.onlyKeys(n, KEYS, at);
            String name = Yaml.requiredText(n, "name", at);
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new ConfigError(at + ": name \"" + name + "\" may only hold [A-Za-z0-9_.-]");
            }
            if (!names.add(name)) {
                throw new ConfigError(at + ": name \"" + name + "\" is used twice");
            }
            String image = imageOf(n, at + " (" + name + ")");
            if (image == null && !n.hasNonNull("command")) {
                throw new ConfigError(at + " (" + name + ") needs a non-empty \"command\" (or an \"image\")");
            }
            String command = image != null ? null : Yaml.requiredText(n, "command", at + " (" + name + ")");
            Path expectations = n.hasNonNull("expectations") ? dir.resolve(n.get("expectations").asText()).normalize() : null;
            Path workdir = n.hasNonNull("workdir") ? dir.resolve(n.get("workdir").asText()).normalize()
                    : defaultWorkdir != null ? defaultWorkdir : dir;
            double scale = 1.0;
            if (n.has("timeout_scale")) {
                if (!n.get("timeout_scale").isNumber() || n.get("timeout_scale").asDouble() <= 0) {
                    throw new ConfigError(at + " (" + name + "): timeout_scale must be a positive number, found " + n.get("timeout_scale"));
                }
                scale = n.get("timeout_scale").asDouble();
            }
            Map<String, String> env = new LinkedHashMap<>();
            if (n.has("env")) {
                if (!n.get("env").isObject()) {
                    throw new ConfigError(at + " (" + name + "): env must be a mapping of names to values");
                }
                n.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            }
            List<String> select = new ArrayList<>();
            if (n.has("select")) {
                if (!n.get("select").isArray()) {
                    throw new ConfigError(at + " (" + name + "): select must be a list of packages, classes or class#method");
                }
                n.get("select").forEach(s -> select.add(s.asText()));
            }
            String missing = missingRequirement(n, workdir, at + " (" + name + ")");
            if (missing != null) {
                onSkip.accept("[conformance] SKIPPED " + name + ": it requires " + missing + ", which is missing (not built here)");
                continue;
            }
            if (image != null) {
                String noDocker = whyNoDocker.get();
                if (noDocker != null) {
                    onSkip.accept("[conformance] SKIPPED " + name + ": image " + image + " needs a Docker engine: " + noDocker);
                    continue;
                }
                command = ImageCommand.of(image, env);
            }
            Map<String, String> processEnv = image != null ? Map.of() : env;
            out.add(new Implementation(name, command, workdir, processEnv, expectations, scale, select));
        }
        return out;
    }

    /** The entry's {@code image}, or null for a {@code command} entry; exactly one of the two. */
    private static String imageOf(JsonNode n, String at) {
        if (!n.has("image")) {
            return null;
        }
        if (n.has("command")) {
            throw new ConfigError(at + ": give command or image, not both");
        }
        String image = Yaml.requiredText(n, "image", at);
        String invalid = ImageCommand.whyInvalid(image);
        if (invalid != null) {
            throw new ConfigError(at + ": " + invalid);
        }
        return image;
    }

    /** The first file of {@code requires} that does not exist (resolved against workdir), or null. */
    private static String missingRequirement(JsonNode n, Path workdir, String at) {
        if (!n.has("requires")) {
            return null;
        }
        if (!n.get("requires").isArray()) {
            throw new ConfigError(at + ": requires must be a list of files, found " + n.get("requires"));
        }
        for (JsonNode r : n.get("requires")) {
            if (!Files.exists(workdir.resolve(r.asText()))) {
                return workdir.resolve(r.asText()).normalize().toString();
            }
        }
        return null;
    }
}
