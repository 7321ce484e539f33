package dev.snow.conformance.cli;

import dev.snow.conformance.harness.RequirementCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The requirement × implementation matrix (after Autobahn|Testsuite's case × implementation
 * table), as {@code matrix.html} and {@code matrix.md} beside the summaries: one row per
 * requirement ID with its level, text and the tests that cover it, one column per
 * implementation with the requirement's verdict there ({@link SummaryTable#aggregate}).
 * Requirements no test covers stand out; a {@code --select} run shows only the rows it ran.
 */
final class RequirementMatrix {
    static final String HTML = "matrix.html";
    static final String MARKDOWN = "matrix.md";

    /** One row: a requirement and, per implementation (in run order), the tests it ran. */
    record Row(String id, String level, String text, TreeSet<String> tests, List<List<TestRecord>> perImplementation) {
        boolean untested() {
            return tests.isEmpty();
        }
    }

    private RequirementMatrix() {
    }

    static void write(List<ImplementationResult> results, RequirementCatalog catalog, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Row> rows = rows(results, catalog);
        Files.writeString(dir.resolve(HTML), html(results, rows), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(MARKDOWN), markdown(results, rows), StandardCharsets.UTF_8);
    }

    static boolean selected(List<ImplementationResult> results) {
        return results.stream().anyMatch(r -> !r.implementation().select().isEmpty());
    }

    static List<Row> rows(List<ImplementationResult> results, RequirementCatalog catalog) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RequirementCatalog.Spec s : catalog.all()) {
            rows.put(s.id(), newRow(s.id(), s.level(), s.text(), results.size()));
        }
        for (int i = 0; i < results.size(); i++) {
            for (TestRecord t : results.get(i).tests()) {
                for (String id : t.requirements().isEmpty() ? List.of(SummaryTable.ADAPTER) : t.requirements()) {
                    Row row = rows.computeIfAbsent(id, k -> SummaryTable.ADAPTER.equals(k)
                            ? newRow(k, "MUST", "The adapter contract of docs/ADAPTER.md", results.size())
                            : newRow(k, "?", "(not in docs/requirements.json)", results.size()));
                    row.tests().add(t.key());
                    row.perImplementation().get(i).add(t);
                }
            }
        }
        List<Row> list = new ArrayList<>(rows.values());
        if (selected(results)) {
            list.removeIf(Row::untested);
        }
        return list;
    }

    private static Row newRow(String id, String level, String text, int implementations) {
        List<List<TestRecord>> per = new ArrayList<>();
        for (int i = 0; i < implementations; i++) {
            per.add(new ArrayList<>());
        }
        return new Row(id, level, text, new TreeSet<>(), per);
    }

    /** The cell of one implementation: its verdict, or "not run". */
    static String cell(ImplementationResult r, List<TestRecord> tests) {
        if (r.error() != null) {
            return "NOT RUN";
        }
        return SummaryTable.aggregate(tests).label;
    }

    static String markdown(List<ImplementationResult> results, List<Row> rows) {
        StringBuilder sb = new StringBuilder("# Requirement × implementation matrix\n\n");
        sb.append(header(results, rows)).append("\n\n");
        sb.append("| Requirement | Level | Tests |");
        results.forEach(r -> sb.append(' ').append(r.implementation().name()).append(" |"));
        sb.append("\n|---|---|---|");
        results.forEach(r -> sb.append("---|"));
        sb.append('\n');
        for (Row row : rows) {
            sb.append("| ").append(row.untested() ? "**" + row.id() + " (no test)**" : row.id()).append(" | ").append(row.level())
                    .append(" | ").append(row.untested() ? "**none**" : String.join("<br>", row.tests().stream().map(k -> "`" + k + "`").toList()))
                    .append(" |");
            for (int i = 0; i < results.size(); i++) {
                String c = cell(results.get(i), row.perImplementation().get(i));
                sb.append(' ').append(row.untested() ? "**" + c + "**" : c).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String html(List<ImplementationResult> results, List<Row> rows) {
        StringBuilder sb = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Snow conformance: requirement × implementation</title>
                <style>
                body { font-family: sans-serif; margin: 1.5em; }
                table { border-collapse: collapse; font-size: 13px; }
                th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
                th { background: #eee; position: sticky; top: 0; }
                td.tests { font-family: monospace; font-size: 11px; }
                tr.untested td { background: #ffe3e3; font-weight: bold; }
                .v-pass { background: #c8f0c8; } .v-fail, .v-XPASS { background: #f4a0a0; font-weight: bold; }
                .v-xfail { background: #f8e0a0; } .v-warning { background: #fff0b0; } .v-unsupported, .v-skipped { background: #ddd; }
                .v-informational { background: #d8d0f8; } .v-inconclusive { background: #f0c8f0; } .v-not-tested, .v-NOT-RUN { background: #f4a0a0; }
                </style></head><body>
                <h1>Requirement × implementation</h1>
                """);
        sb.append("<p>").append(Descriptions.esc(header(results, rows))).append("</p>\n");
        sb.append("<p><a href=\"index.html\">Allure report</a> · <a href=\"").append(MARKDOWN).append("\">Markdown</a> · ")
                .append("<a href=\"docs/PROTOCOL.md\">docs/PROTOCOL.md</a></p>\n");
        sb.append("<table>\n<tr><th>Requirement</th><th>Level</th><th>Text</th><th>Tests</th>");
        for (ImplementationResult r : results) {
            sb.append("<th title=\"").append(Descriptions.esc(r.implementation().command())).append("\">")
                    .append(Descriptions.esc(r.implementation().name())).append("</th>");
        }
        sb.append("</tr>\n");
        for (Row row : rows) {
            sb.append("<tr id=\"").append(Descriptions.esc(row.id())).append('"').append(row.untested() ? " class=\"untested\"" : "").append('>');
            sb.append("<td>").append(Descriptions.esc(row.id())).append("</td><td>").append(Descriptions.esc(row.level())).append("</td><td>")
                    .append(Descriptions.esc(row.text())).append("</td><td class=\"tests\">")
                    .append(row.untested() ? "NO TEST" : String.join("<br>", row.tests().stream().map(Descriptions::esc).toList())).append("</td>");
            for (int i = 0; i < results.size(); i++) {
                List<TestRecord> tests = row.perImplementation().get(i);
                String c = cell(results.get(i), tests);
                sb.append("<td class=\"v-").append(c.replace(' ', '-')).append("\" title=\"").append(Descriptions.esc(counts(tests)))
                        .append("\">").append(Descriptions.esc(c)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n</body></html>\n");
        return sb.toString();
    }

    static String header(List<ImplementationResult> results, List<Row> rows) {
        long untested = rows.stream().filter(Row::untested).count();
        List<String> impls = results.stream().map(r -> r.implementation().name() + (r.error() != null ? " (NOT RUN)" : "")).toList();
        String scope = selected(results) ? "Only the requirements the --select run covered are shown. " : "";
        return String.format(Locale.ROOT, "%s%d requirements × %d implementations (%s); %d with no test%s.", scope, rows.size(),
                results.size(), String.join(", ", impls), untested,
                untested == 0 ? "" : ": " + String.join(", ", rows.stream().filter(Row::untested).map(Row::id).toList()));
    }

    private static String counts(List<TestRecord> tests) {
        Map<String, Integer> c = new LinkedHashMap<>();
        tests.forEach(t -> c.merge(t.verdict().label, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        c.forEach((k, v) -> parts.add(v + " " + k));
        return parts.isEmpty() ? "no test" : String.join(", ", parts);
    }
}
