package dev.snow.conformance.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The run-wide files of the Allure results: {@code environment.properties} (per implementation
 * its name, version, command, expectations file and seed; the suite version, Java, the OS),
 * {@code executor.json} (who ran it, linking to the matrix), {@code categories.json} (one
 * category per verdict, matched on the status message's leading verdict name) and
 * {@code history/} copied from the previous report, so trends carry over.
 */
final class AllureRunFiles {
    static final String SUITE_VERSION = "0.1.0";

    private AllureRunFiles() {
    }

    static void write(Path dir, List<ImplementationResult> results, Path previousReport) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("environment.properties"), environment(results), StandardCharsets.UTF_8);
        Files.write(dir.resolve("executor.json"), AllureResults.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(executor()));
        Files.write(dir.resolve("categories.json"), AllureResults.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(categories()));
        copyHistory(previousReport == null ? null : previousReport.resolve("history"), dir.resolve("history"));
    }

    static String environment(List<ImplementationResult> results) throws IOException {
        TreeMap<String, String> env = new TreeMap<>();
        for (ImplementationResult r : results) {
            String n = r.implementation().name();
            env.put(n + ".implementation", r.error() != null ? "NOT RUN: " + r.error() : r.adapterInfo());
            env.put(n + ".command", r.implementation().command());
            env.put(n + ".expectations", r.implementation().expectations() == null ? "(none)" : r.implementation().expectations().toString());
            env.put(n + ".seed", r.seed() == null ? "-" : r.seed().toString());
            if (!r.implementation().select().isEmpty()) {
                env.put(n + ".select", String.join(",", r.implementation().select()));
            }
        }
        env.put("suite", "snow-conformance " + SUITE_VERSION);
        env.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("matrix", RequirementMatrix.HTML + " and " + RequirementMatrix.MARKDOWN + " beside index.html");
        StringBuilder sb = new StringBuilder();
        env.forEach((k, v) -> sb.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return sb.toString();
    }

    /** java.util.Properties escaping (the format Allure reads), without its date comment or random order. */
    static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || sb.isEmpty() ? "\\ " : " ");
                default -> sb.append(c < 0x20 ? '?' : c);
            }
        }
        return sb.toString();
    }

    static ObjectNode executor() {
        ObjectNode e = AllureResults.JSON.createObjectNode();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        e.put("name", ci ? "CI (.ci/run)" : "snow-conformance (local run)");
        e.put("type", "snow-conformance");
        e.put("buildName", "conformance run " + Instant.now().toString().substring(0, 19).replace('T', ' ') + " UTC (open the requirement matrix)");
        e.put("buildOrder", Instant.now().getEpochSecond());
        e.put("buildUrl", RequirementMatrix.HTML);
        e.put("reportName", "Snow conformance");
        return e;
    }

    /** One category per verdict that is not a pass; status messages start with the verdict's name. */
    static ArrayNode categories() {
        ArrayNode a = AllureResults.JSON.createArrayNode();
        category(a, "Requirement failures (fail)", "FAIL", "failed");
        category(a, "Stale expectations (XPASS)", "XPASS", "failed");
        category(a, "Expected failures (xfail, from the expectations file)", "XFAIL", "skipped");
        category(a, "SHOULD not met (warning)", "WARNING", "skipped");
        category(a, "Unsupported by the adapter (unsupported)", "UNSUPPORTED", "skipped");
        category(a, "Skipped by the environment (skipped)", "SKIPPED", "skipped");
        category(a, "Informational findings (informational)", "INFORMATIONAL", "unknown");
        category(a, "Inconclusive measurements (inconclusive)", "INCONCLUSIVE", "broken");
        ObjectNode other = a.addObject();
        other.put("name", "Harness or adapter errors");
        other.putArray("matchedStatuses").add("broken");
        return a;
    }

    private static void category(ArrayNode a, String name, String verdict, String status) {
        ObjectNode c = a.addObject();
        c.put("name", name);
        c.putArray("matchedStatuses").add(status);
        c.put("messageRegex", "(?s)" + verdict + "\\b.*");
    }

    private static void copyHistory(Path from, Path to) throws IOException {
        if (from == null || !Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
