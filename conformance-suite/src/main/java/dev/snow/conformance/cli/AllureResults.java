package dev.snow.conformance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.conformance.harness.RequirementCatalog;
import dev.snow.conformance.harness.TestKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Allure result files ({@code <uuid>-result.json} and its attachments) written from the suite's
 * own verdicts, one result per test and implementation, so the report counts what the summary
 * counts. Each result: name {@code "<IDs> <Class#method>"} (the tree search finds requirement
 * IDs), feature = the primary requirement, every ID as {@code requirement} and {@code tag} label
 * and as a link to docs/PROTOCOL.md, the verdict by name in the name, the status message and the
 * description (with the requirement texts, the notes and findings), and the wire transcript and
 * adapter exchange as attachments.
 * <p>Status: pass is passed; fail and XPASS are failed; xfail, warning, unsupported and skipped
 * are skipped; an informational finding is unknown (never a pass); any other verdict is broken.
 */
final class AllureResults {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The row of tests with no requirement ID (adapter contract checks). */
    static final String ADAPTER_FEATURE = "ADAPTER (docs/ADAPTER.md contract)";

    private AllureResults() {
    }

    static String status(Verdict v) {
        return switch (v.name()) {
            case "PASS" -> "passed";
            case "FAIL", "XPASS" -> "failed";
            case "XFAIL", "WARNING", "UNSUPPORTED", "SKIPPED" -> "skipped";
            case "INFORMATIONAL" -> "unknown";
            default -> "broken";
        };
    }

    /** The results of one implementation's run, into {@code dir}. */
    static void write(ImplementationResult r, RequirementCatalog catalog, Path dir) throws IOException {
        Files.createDirectories(dir);
        long clock = System.currentTimeMillis() - r.millis();
        for (TestRecord t : r.tests()) {
            long start = t.start() > 0 ? t.start() : clock;
            clock = start + t.millis();
            writeOne(r, t, catalog, dir, start);
        }
    }

    private static void writeOne(ImplementationResult r, TestRecord t, RequirementCatalog catalog, Path dir, long start) throws IOException {
        String impl = r.implementation().name();
        String uuid = UUID.randomUUID().toString();
        ObjectNode res = JSON.createObjectNode();
        res.put("uuid", uuid);
        res.put("historyId", md5(impl + "|" + t.key()));
        res.put("testCaseId", md5(t.key()));
        res.put("fullName", impl + ": " + TestKey.ROOT + t.key());
        res.put("name", name(t));
        res.put("status", status(t.verdict()));
        ObjectNode details = res.putObject("statusDetails");
        details.put("message", statusMessage(t));
        if (t.message() != null) {
            details.put("trace", t.message());
        }
        res.put("stage", "finished");
        res.put("description", Descriptions.markdown(r, t, catalog));
        res.put("descriptionHtml", Descriptions.html(r, t, catalog));
        res.put("start", start);
        res.put("stop", start + t.millis());
        labels(res.putArray("labels"), impl, t, catalog);
        links(res.putArray("links"), t, catalog);
        ObjectNode p = res.putArray("parameters").addObject();
        p.put("name", "implementation");
        p.put("value", impl);
        ArrayNode attachments = res.putArray("attachments");
        Path artifacts = r.output().resolve("tests").resolve(TestKey.fileName(t.key()));
        attach(attachments, dir, artifacts.resolve("wire.txt"), "wire transcript");
        attach(attachments, dir, artifacts.resolve("adapter.txt"), "adapter exchange and stderr");
        res.putArray("steps");
        Files.write(dir.resolve(uuid + "-result.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(res));
    }

    /** {@code "AUTH-4, AUTH-6 digests.CookieMismatchTest#wrongReplyDigest"}, with the verdict unless pass or fail. */
    static String name(TestRecord t) {
        String ids = t.requirements().isEmpty() ? "ADAPTER" : String.join(", ", t.requirements());
        String v = t.verdict() == Verdict.PASS || t.verdict() == Verdict.FAIL ? "" : " [" + t.verdict().label + "]";
        return ids + " " + t.key() + v;
    }

    /** Starts with the verdict's name in capitals, which the categories match. */
    static String statusMessage(TestRecord t) {
        String m = t.message() == null ? "" : t.message();
        return m.startsWith(t.verdict().name()) ? m : t.verdict().name() + (m.isEmpty() ? "" : ": " + m);
    }

    private static void labels(ArrayNode labels, String impl, TestRecord t, RequirementCatalog catalog) {
        List<String> ids = t.requirements();
        RequirementCatalog.Spec primary = ids.isEmpty() ? null : catalog.get(ids.get(0));
        label(labels, "parentSuite", impl);
        label(labels, "suite", primary == null ? "Adapter contract" : primary.section());
        String cls = t.key().contains("#") ? t.key().substring(0, t.key().indexOf('#')) : t.key();
        label(labels, "subSuite", cls);
        label(labels, "epic", impl);
        label(labels, "feature", ids.isEmpty() ? ADAPTER_FEATURE
                : primary == null ? ids.get(0) : ids.get(0) + " (" + primary.level() + ") " + shorten(primary.text(), 90));
        label(labels, "package", TestKey.ROOT + (cls.contains(".") ? cls.substring(0, cls.lastIndexOf('.')) : cls));
        label(labels, "testClass", TestKey.ROOT + cls);
        label(labels, "testMethod", t.key().substring(t.key().indexOf('#') + 1));
        label(labels, "severity", primary == null ? "normal" : switch (primary.level()) {
            case "MUST" -> "critical";
            case "SHOULD" -> "normal";
            default -> "trivial";
        });
        for (String id : ids) {
            label(labels, "requirement", id);
            label(labels, "tag", id);
        }
        label(labels, "tag", t.verdict().label);
        label(labels, "framework", "snow-conformance");
        label(labels, "language", "java");
    }

    private static void links(ArrayNode links, TestRecord t, RequirementCatalog catalog) {
        for (String id : t.requirements()) {
            RequirementCatalog.Spec s = catalog.get(id);
            ObjectNode l = links.addObject();
            l.put("name", id + " in docs/PROTOCOL.md" + (s == null ? "" : " (" + s.section() + ")"));
            l.put("url", specUrl(s));
            l.put("type", "link");
        }
        ObjectNode m = links.addObject();
        m.put("name", "requirement × implementation matrix");
        m.put("url", RequirementMatrix.HTML + "#" + (t.requirements().isEmpty() ? SummaryTable.ADAPTER : t.requirements().get(0)));
        m.put("type", "link");
    }

    /** docs/PROTOCOL.md at the section's anchor; the report build copies the spec beside index.html. */
    static String specUrl(RequirementCatalog.Spec s) {
        return "docs/PROTOCOL.md" + (s == null ? "" : "#" + anchor(s.section()));
    }

    static String anchor(String section) {
        return section.toLowerCase(Locale.ROOT).strip().replace(' ', '-');
    }

    private static void attach(ArrayNode attachments, Path dir, Path file, String name) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return;
        }
        String source = UUID.randomUUID() + "-attachment.txt";
        Files.copy(file, dir.resolve(source));
        ObjectNode a = attachments.addObject();
        a.put("name", name);
        a.put("source", source);
        a.put("type", "text/plain");
    }

    private static void label(ArrayNode labels, String name, String value) {
        ObjectNode l = labels.addObject();
        l.put("name", name);
        l.put("value", value);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String md5(String s) {
        try {
            return dev.snow.conformance.peer.Hex.of(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
