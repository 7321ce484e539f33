package dev.snow.conformance.interop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The matrix as Markdown and as a standalone HTML page: one table per case, rows the
 * initiator (for simultaneous: the smaller name), columns the acceptor, then every failure
 * with its reason.
 */
public final class MatrixReport {
    private final List<CellResult> results;
    private final List<String> impls;
    private final List<InteropCase> cases;

    public MatrixReport(List<CellResult> results) {
        this.results = List.copyOf(results);
        Set<String> names = new LinkedHashSet<>();
        Set<InteropCase> cs = new LinkedHashSet<>();
        for (CellResult r : results) {
            names.add(r.initiator());
            names.add(r.acceptor());
            cs.add(r.testCase());
        }
        this.impls = new ArrayList<>(names);
        this.cases = new ArrayList<>(cs);
    }

    public boolean allPassed() {
        return results.stream().allMatch(CellResult::passed);
    }

    private CellResult find(String row, String col, InteropCase c) {
        for (CellResult r : results) {
            if (r.initiator().equals(row) && r.acceptor().equals(col) && r.testCase() == c) {
                return r;
            }
        }
        return null;
    }

    private long passed() {
        return results.stream().filter(CellResult::passed).count();
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# Interop matrix\n\n");
        b.append(passed()).append(" of ").append(results.size()).append(" cells pass. Rows: initiator; columns: acceptor.\n");
        for (InteropCase c : cases) {
            b.append("\n## ").append(c.id()).append(" (").append(c.requirements()).append(")\n\n").append(c.description()).append(".\n\n");
            b.append("| initiator \\ acceptor |");
            impls.forEach(i -> b.append(' ').append(i).append(" |"));
            b.append("\n|---|");
            impls.forEach(i -> b.append("---|"));
            b.append('\n');
            for (String row : impls) {
                b.append("| ").append(row).append(" |");
                for (String col : impls) {
                    CellResult r = find(row, col, c);
                    b.append(' ').append(r == null ? "-" : (r.passed() ? "pass" : "**FAIL**") + String.format(" %.1f s", r.millis() / 1000.0)).append(" |");
                }
                b.append('\n');
            }
        }
        List<CellResult> failed = results.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            b.append("\n## Failures\n\n");
            for (CellResult r : failed) {
                b.append("- ").append(r.testCase().id()).append(' ').append(r.initiator()).append(" -> ").append(r.acceptor())
                        .append(": ").append(r.detail().replace('\n', ' ')).append('\n');
            }
        }
        return b.toString();
    }

    public String html() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Interop matrix</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}"
                + "td,th{border:1px solid #999;padding:.3em .7em;text-align:center}td.pass{background:#cfc}td.fail{background:#f99}"
                + "th.row{text-align:left}</style></head><body>\n<h1>Interop matrix</h1>\n");
        b.append("<p>").append(passed()).append(" of ").append(results.size()).append(" cells pass. Rows: initiator; columns: acceptor.</p>\n");
        for (InteropCase c : cases) {
            b.append("<h2>").append(esc(c.id())).append(" <small>(").append(esc(c.requirements())).append(")</small></h2>\n<p>")
                    .append(esc(c.description())).append(".</p>\n<table><tr><th>initiator \\ acceptor</th>");
            impls.forEach(i -> b.append("<th>").append(esc(i)).append("</th>"));
            b.append("</tr>\n");
            for (String row : impls) {
                b.append("<tr><th class=\"row\">").append(esc(row)).append("</th>");
                for (String col : impls) {
                    CellResult r = find(row, col, c);
                    if (r == null) {
                        b.append("<td>-</td>");
                    } else {
                        b.append("<td class=\"").append(r.passed() ? "pass" : "fail").append("\" title=\"").append(esc(r.detail())).append("\">")
                                .append(r.passed() ? "pass" : "FAIL").append(String.format(" %.1f s", r.millis() / 1000.0)).append("</td>");
                    }
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
