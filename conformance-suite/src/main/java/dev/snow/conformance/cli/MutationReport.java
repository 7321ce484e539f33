package dev.snow.conformance.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mutation matrix, as Markdown and HTML: one row per mutant, one column per requirement some
 * mutant must break or did fail; K = a named requirement failed (killed), S = a named requirement did not
 * fail, x = another requirement failed as well; and the kill rate "N/M mutants killed".
 */
final class MutationReport {
    private MutationReport() {
    }

    static String killLine(List<MutantOutcome> outcomes) {
        long killed = outcomes.stream().filter(o -> o.status() == MutantOutcome.Status.KILLED
                || o.status() == MutantOutcome.Status.STALE).count();
        long known = outcomes.stream().filter(o -> o.status() == MutantOutcome.Status.KNOWN_SURVIVOR).count();
        return killed + "/" + outcomes.size() + " mutants killed" + (known == 0 ? "" : " (" + known + " known survivor"
                + (known == 1 ? "" : "s") + ", marked in the registry)");
    }

    static void write(Path dir, List<MutantOutcome> outcomes, String clean) throws java.io.IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("mutation.md"), markdown(outcomes, clean), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("mutation.html"), html(outcomes, clean), StandardCharsets.UTF_8);
    }

    private static List<String> columns(List<MutantOutcome> outcomes) {
        Set<String> cols = new TreeSet<>(MutationReport::byRequirement);
        outcomes.forEach(o -> {
            cols.addAll(o.mutant().breaks());
            cols.addAll(o.failed());
        });
        return new ArrayList<>(cols);
    }

    /** FRAME-3 before FRAME-10; sections alphabetical. */
    private static int byRequirement(String a, String b) {
        String pa = a.substring(0, a.indexOf('-'));
        String pb = b.substring(0, b.indexOf('-'));
        int c = pa.compareTo(pb);
        return c != 0 ? c : Integer.compare(Integer.parseInt(a.substring(pa.length() + 1)), Integer.parseInt(b.substring(pb.length() + 1)));
    }

    private static String cell(MutantOutcome o, String req) {
        boolean named = o.mutant().breaks().contains(req);
        boolean failed = o.failed().contains(req);
        return named ? (failed ? "K" : "S") : failed ? "x" : "";
    }

    static String markdown(List<MutantOutcome> outcomes, String clean) {
        List<String> cols = columns(outcomes);
        StringBuilder s = new StringBuilder();
        s.append("# Mutation matrix\n\n**").append(killLine(outcomes)).append("**. Clean reference on the same tests: ")
                .append(clean).append(".\n\n")
                .append("K: a requirement the mutant must break failed (killed); S: it did not fail; x: another requirement failed too.\n\n");
        s.append("| mutant | result |");
        cols.forEach(c -> s.append(' ').append(c).append(" |"));
        s.append(" tests | s |\n|---|---|");
        cols.forEach(c -> s.append("---|"));
        s.append("---|---|\n");
        for (MutantOutcome o : outcomes) {
            s.append("| ").append(o.mutant().name()).append(" | ").append(o.status().name().toLowerCase(java.util.Locale.ROOT)).append(" |");
            cols.forEach(c -> s.append(' ').append(cell(o, c)).append(" |"));
            s.append(' ').append(o.tests()).append(" | ").append(o.millis() / 1000).append(" |\n");
        }
        s.append("\n## Defects and what killed them\n\n");
        for (MutantOutcome o : outcomes) {
            s.append("- **").append(o.mutant().name()).append("** (must break ").append(String.join(", ", o.mutant().breaks()))
                    .append("): ").append(o.mutant().defect()).append(". ");
            if (o.mutant().awaiting() != null) {
                s.append("Known survivor, awaiting ").append(o.mutant().awaiting()).append(" (")
                        .append(o.status() == MutantOutcome.Status.STALE ? "now killed: remove the mark" : "survived").append("). ");
            }
            if (o.error() != null) {
                s.append("NOT RUN: ").append(o.error());
            } else if (o.killers().isEmpty()) {
                s.append("SURVIVED; failed: ").append(o.failed().isEmpty() ? "nothing" : String.join(", ", o.failed()));
            } else {
                s.append("Killed by ").append(o.killers().get(0).replace("|", "\\|"));
                if (o.killers().size() > 1) {
                    s.append(" (and ").append(o.killers().size() - 1).append(" more)");
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    static String html(List<MutantOutcome> outcomes, String clean) {
        List<String> cols = columns(outcomes);
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Mutation matrix</title>\n"
                + "<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:2px 6px;text-align:center}"
                + "table{border-collapse:collapse}.K{background:#bfb}.S{background:#fbb}.x{background:#eee}"
                + ".survived,.not_run,.stale{background:#f88}.known_survivor{background:#fd8}td.l{text-align:left}</style></head><body>\n");
        s.append("<h1>Mutation matrix</h1>\n<p><b>").append(esc(killLine(outcomes))).append("</b>. Clean reference on the same tests: ")
                .append(esc(clean)).append(".</p>\n<p>K: a requirement the mutant must break failed (killed); S: it did not fail; "
                        + "x: another requirement failed too.</p>\n<table><tr><th>mutant</th><th>result</th>");
        cols.forEach(c -> s.append("<th>").append(esc(c)).append("</th>"));
        s.append("<th>defect</th><th>killed by</th></tr>\n");
        for (MutantOutcome o : outcomes) {
            String st = o.status().name().toLowerCase(java.util.Locale.ROOT);
            s.append("<tr><td class=\"l\">").append(esc(o.mutant().name())).append("</td><td class=\"").append(st).append("\">")
                    .append(st).append("</td>");
            for (String c : cols) {
                String v = cell(o, c);
                s.append("<td class=\"").append(v).append("\">").append(v).append("</td>");
            }
            s.append("<td class=\"l\">").append(esc(o.mutant().defect())).append("</td><td class=\"l\">")
                    .append(esc(o.error() != null ? "NOT RUN: " + o.error() : o.killers().isEmpty() ? "" : o.killers().get(0)))
                    .append("</td></tr>\n");
        }
        return s.append("</table>\n</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
