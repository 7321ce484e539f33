package dev.snow.conformance.cli;

import dev.snow.conformance.harness.RequirementCatalog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary of one implementation: one row per requirement of docs/requirements.json with its
 * aggregated verdict and the count of its tests by verdict, then totals, the unexpected
 * outcomes, and the result. A requirement's verdict is its worst test's in {@link Verdict}
 * order, except that pass outranks unsupported, skipped and informational when some test
 * passed (the row's counts still show them). Inconclusive tests (not judged) are listed on their
 * own lines and counted in the RESULT line.
 */
public final class SummaryTable {
    /** The row of tests that check the adapter contract (docs/ADAPTER.md) rather than a requirement. */
    static final String ADAPTER = "ADAPTER";

    private SummaryTable() {
    }

    public static String render(ImplementationResult r, RequirementCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        String rule = "=".repeat(100);
        sb.append(rule).append('\n');
        sb.append("Snow conformance summary: ").append(r.implementation().name())
                .append(r.adapterInfo() == null ? "" : "  (" + r.adapterInfo() + ")").append('\n');
        sb.append("  command:      ").append(r.implementation().command()).append('\n');
        sb.append("  expectations: ").append(r.implementation().expectations() == null ? "(none)" : r.implementation().expectations()).append('\n');
        sb.append("  results:      ").append(r.output()).append('\n');
        if (r.error() != null) {
            sb.append("\nNOT RUN: ").append(r.error()).append('\n').append(rule).append('\n');
            return sb.toString();
        }
        Map<String, List<TestRecord>> byReq = new LinkedHashMap<>();
        for (RequirementCatalog.Spec s : catalog.all()) {
            byReq.put(s.id(), new ArrayList<>());
        }
        for (TestRecord t : r.tests()) {
            for (String id : t.requirements().isEmpty() ? List.of(ADAPTER) : t.requirements()) {
                byReq.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
            }
        }
        sb.append(String.format("%-10s %-6s %-13s %-34s %s%n", "REQUIRE", "LEVEL", "VERDICT", "TESTS", "NOTE"));
        Map<Verdict, Integer> reqTotals = new EnumMap<>(Verdict.class);
        boolean selected = !r.implementation().select().isEmpty();
        int hidden = 0;
        for (Map.Entry<String, List<TestRecord>> e : byReq.entrySet()) {
            if (selected && e.getValue().isEmpty()) {
                hidden++;
                continue;
            }
            RequirementCatalog.Spec spec = catalog.get(e.getKey());
            Verdict v = aggregate(e.getValue());
            reqTotals.merge(v, 1, Integer::sum);
            sb.append(String.format("%-10s %-6s %-13s %-34s %s%n", e.getKey(), spec == null ? "-" : spec.level(), v.label,
                    counts(e.getValue()), note(e.getKey(), e.getValue())));
        }
        if (hidden > 0) {
            sb.append("(--select: the ").append(hidden).append(" requirements no selected test covers are not shown)\n");
        }
        sb.append("-".repeat(100)).append('\n');
        Map<Verdict, Integer> totals = new EnumMap<>(Verdict.class);
        for (TestRecord t : r.tests()) {
            totals.merge(t.verdict(), 1, Integer::sum);
        }
        sb.append(String.format(Locale.ROOT, "tests: %d run: %s; %.1f s%n", r.tests().size(), countsText(totals), r.millis() / 1000.0));
        sb.append("requirements: ").append(countsText(reqTotals)).append('\n');
        List<TestRecord> bad = r.tests().stream().filter(t -> t.verdict().breaksRun).toList();
        for (TestRecord t : bad) {
            sb.append("  ").append(t.verdict().label.toUpperCase(Locale.ROOT)).append(' ').append(t.key()).append(": ")
                    .append(RunRecorder.abbreviate(String.valueOf(t.message()).replace('\n', ' '), 300)).append('\n');
        }
        List<TestRecord> unjudged = r.tests().stream().filter(t -> t.verdict() == Verdict.INCONCLUSIVE).toList();
        for (TestRecord t : unjudged) {
            sb.append("  INCONCLUSIVE (not judged: ").append(String.join(", ", t.requirements())).append(") ").append(t.key()).append(": ")
                    .append(RunRecorder.abbreviate(String.valueOf(t.message()).replace('\n', ' '), 300)).append('\n');
        }
        for (var u : r.unmatched()) {
            String near = dev.snow.conformance.harness.Suggest.closest(u.test(), r.tests().stream().map(TestRecord::key).toList());
            sb.append("  ERROR expectation matches no test that ran: ").append(u.test()).append(" (\"").append(u.reason()).append("\")")
                    .append(near == null ? "" : "; did you mean " + near + "?").append('\n');
        }
        String notJudged = unjudged.isEmpty() ? "" : "; " + unjudged.size() + " INCONCLUSIVE, not judged";
        sb.append("RESULT: ").append(r.ok() ? "PASS (no unexpected outcome" + notJudged + ")" : "FAIL (" + bad.size() + " unexpected outcomes, "
                + r.unmatched().size() + " unmatched expectations" + notJudged + ")").append('\n');
        sb.append(rule).append('\n');
        return sb.toString();
    }

    static Verdict aggregate(List<TestRecord> tests) {
        if (tests.isEmpty()) {
            return Verdict.NOT_TESTED;
        }
        boolean pass = false;
        Verdict worst = Verdict.NOT_TESTED;
        for (TestRecord t : tests) {
            pass |= t.verdict() == Verdict.PASS;
            if (t.verdict().ordinal() < worst.ordinal()) {
                worst = t.verdict();
            }
        }
        if (pass && worst.ordinal() >= Verdict.UNSUPPORTED.ordinal()) {
            return Verdict.PASS;
        }
        return worst;
    }

    private static String counts(List<TestRecord> tests) {
        Map<Verdict, Integer> c = new EnumMap<>(Verdict.class);
        for (TestRecord t : tests) {
            c.merge(t.verdict(), 1, Integer::sum);
        }
        return countsText(c);
    }

    private static String countsText(Map<Verdict, Integer> c) {
        if (c.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        c.forEach((v, n) -> parts.add(n + " " + v.label));
        return String.join(", ", parts);
    }

    /** A note of a test that names this requirement, else the message of an unusual verdict. */
    private static String note(String id, List<TestRecord> tests) {
        for (TestRecord t : tests) {
            if (t.verdict() == Verdict.INCONCLUSIVE) {
                return RunRecorder.abbreviate("INCONCLUSIVE: " + String.valueOf(t.message()).replace('\n', ' '), 160);
            }
        }
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("(?<![A-Z0-9-])" + java.util.regex.Pattern.quote(id) + "(?![0-9])");
        for (TestRecord t : tests) {
            for (String n : t.notes()) {
                if (named.matcher(n).find()) {
                    return RunRecorder.abbreviate(n, 160);
                }
            }
        }
        for (TestRecord t : tests) {
            if (t.verdict() == Verdict.INFORMATIONAL || t.verdict() == Verdict.XFAIL || t.verdict() == Verdict.UNSUPPORTED) {
                return RunRecorder.abbreviate(String.valueOf(t.message()).replace('\n', ' '), 160);
            }
        }
        return "";
    }
}
