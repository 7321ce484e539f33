package dev.snow.conformance.cli;

import dev.snow.conformance.harness.RequirementCatalog;
import dev.snow.conformance.harness.TestKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The description of one test's Allure result, as Markdown and as HTML: the verdict by name and
 * what it means, the implementation, the {@code Class#method} key (as expectations files write
 * it), each requirement's ID, level and text, the message, the NOTE lines (measurements) and the
 * FINDING of an informational test, and where the artifacts are.
 */
final class Descriptions {
    private Descriptions() {
    }

    /** What a verdict means, in a few words. */
    static String meaning(Verdict v) {
        return switch (v.name()) {
            case "PASS" -> "the implementation meets the requirement";
            case "FAIL" -> "the implementation breaks the requirement (an unexpected failure: fails the run)";
            case "XPASS" -> "listed as an expected failure but passed: the expectation is stale (fails the run)";
            case "XFAIL" -> "failed as the implementation's expectations file says (reason below); not a pass";
            case "WARNING" -> "a SHOULD is not met: a warning, never a failure; not a pass";
            case "UNSUPPORTED" -> "the adapter answered unsupported: not judged, not a pass";
            case "SKIPPED" -> "not run here (the environment): not judged, not a pass";
            case "INFORMATIONAL" -> "a finding reported for information: neither a pass nor a failure";
            case "INCONCLUSIVE" -> "the measurement could not decide either way: not a pass, not a failure";
            default -> v.label;
        };
    }

    static String markdown(ImplementationResult r, TestRecord t, RequirementCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Verdict: ").append(t.verdict().label.toUpperCase(java.util.Locale.ROOT)).append("**: ")
                .append(meaning(t.verdict())).append("\n\n");
        sb.append("Implementation: ").append(r.implementation().name())
                .append(r.adapterInfo() == null ? "" : " (" + r.adapterInfo() + ")").append("\n\n");
        sb.append("Test: `").append(t.key()).append("`\n\n");
        for (String line : requirementLines(t, catalog)) {
            sb.append("- ").append(line).append('\n');
        }
        sb.append('\n');
        for (String line : findings(t)) {
            sb.append(line).append("\n\n");
        }
        sb.append("Artifacts: ").append(artifacts(r, t)).append('\n');
        return sb.toString();
    }

    static String html(ImplementationResult r, TestRecord t, RequirementCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("<p><b>Verdict: ").append(esc(t.verdict().label.toUpperCase(java.util.Locale.ROOT))).append("</b>: ")
                .append(esc(meaning(t.verdict()))).append("</p>\n");
        sb.append("<p>Implementation: <b>").append(esc(r.implementation().name())).append("</b>")
                .append(r.adapterInfo() == null ? "" : " (" + esc(r.adapterInfo()) + ")").append("</p>\n");
        sb.append("<p>Test: <code>").append(esc(t.key())).append("</code></p>\n<ul>\n");
        if (t.requirements().isEmpty()) {
            sb.append("<li>ADAPTER: checks the adapter contract of docs/ADAPTER.md</li>\n");
        }
        for (String id : t.requirements()) {
            RequirementCatalog.Spec s = catalog.get(id);
            sb.append("<li><a href=\"").append(esc(AllureResults.specUrl(s))).append("\" target=\"_blank\"><b>").append(esc(id))
                    .append("</b></a> (").append(s == null ? "unknown requirement" : esc(s.level())).append(") ")
                    .append(s == null ? "" : esc(s.text())).append("</li>\n");
        }
        sb.append("</ul>\n");
        for (String line : findings(t)) {
            sb.append("<pre style=\"white-space: pre-wrap\">").append(esc(line)).append("</pre>\n");
        }
        sb.append("<p>Artifacts: <code>").append(esc(artifacts(r, t))).append("</code></p>\n");
        return sb.toString();
    }

    private static List<String> requirementLines(TestRecord t, RequirementCatalog catalog) {
        List<String> lines = new ArrayList<>();
        if (t.requirements().isEmpty()) {
            lines.add("ADAPTER: checks the adapter contract of docs/ADAPTER.md");
        }
        for (String id : t.requirements()) {
            RequirementCatalog.Spec s = catalog.get(id);
            lines.add("**" + id + "** (" + (s == null ? "unknown requirement" : s.level()) + ") " + (s == null ? "" : s.text()));
        }
        return lines;
    }

    /** The message (FINDING for an informational test), then one NOTE line per note. */
    static List<String> findings(TestRecord t) {
        List<String> lines = new ArrayList<>();
        if (t.message() != null && !t.message().isBlank()) {
            lines.add((t.verdict() == Verdict.INFORMATIONAL ? "FINDING: " : "Message: ") + t.message());
        }
        for (String n : t.notes()) {
            lines.add("NOTE: " + n);
        }
        return lines;
    }

    private static String artifacts(ImplementationResult r, TestRecord t) {
        return r.output().resolve("tests").resolve(TestKey.fileName(t.key())).toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
