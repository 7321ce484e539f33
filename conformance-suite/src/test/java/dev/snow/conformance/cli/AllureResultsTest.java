package dev.snow.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.conformance.harness.Implementation;
import dev.snow.conformance.harness.RequirementCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Allure results say what the verdicts say: one result per test and implementation, the
 * requirement IDs in the name, feature = primary requirement, findings never passes, the verdict
 * by name in the message that the categories match; the matrix hides unselected rows.
 */
class AllureResultsTest {
    @TempDir
    Path dir;

    private static TestRecord t(String key, Verdict v, String message, String... ids) {
        return new TestRecord(key, key, List.of(ids), v, message, 10, List.of("measured |t| = 0.8"), 1_000);
    }

    private ImplementationResult run(String name, List<String> select, TestRecord... tests) {
        Implementation impl = new Implementation(name, "cmd " + name, dir, Map.of(), null, 1.0, select);
        return new ImplementationResult(impl, name + " 1, adapter 1", null, List.of(tests), List.of(), 100, dir.resolve(name), 7L);
    }

    private Map<String, JsonNode> results() throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        try (Stream<Path> files = Files.list(dir.resolve("results"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode n = AllureResults.JSON.readTree(f.toFile());
                byName.put(n.path("parameters").get(0).path("value").asText() + " " + n.path("name").asText(), n);
            }
        }
        return byName;
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.path("labels").forEach(l -> {
            if (name.equals(l.path("name").asText())) {
                values.add(l.path("value").asText());
            }
        });
        return values;
    }

    @Test
    void oneResultPerTestAndImplementationWithItsVerdictByName() throws IOException {
        List<ImplementationResult> runs = List.of(
                run("a", List.of(), t("digests.X#pass", Verdict.PASS, null, "AUTH-4", "AUTH-6"), t("digests.X#fail", Verdict.FAIL, "boom", "AUTH-6"),
                        t("security.R#relay", Verdict.INFORMATIONAL, "relayed session accepted", "SEC-1"),
                        t("digests.X#listed", Verdict.XFAIL, "XFAIL (expected: known): boom", "AUTH-5")),
                run("b", List.of(), t("digests.X#pass", Verdict.XPASS, "XPASS: stale", "AUTH-4", "AUTH-6"),
                        t("tls.T#v", Verdict.UNSUPPORTED, "the adapter answered unsupported", "TLS-1"),
                        t("tls.T#w", Verdict.WARNING, "WARNING (SHOULD not met): slow", "TLS-3")));
        ReportFiles.write(runs, RequirementCatalog.bundled(), dir.resolve("out"), dir.resolve("results"), null);
        Map<String, JsonNode> r = results();

        assertThat(r).hasSize(7);
        JsonNode pass = r.get("a AUTH-4, AUTH-6 digests.X#pass");
        assertThat(pass.path("status").asText()).isEqualTo("passed");
        assertThat(labels(pass, "feature")).singleElement().asString().startsWith("AUTH-4 (MUST)");
        assertThat(labels(pass, "requirement")).containsExactly("AUTH-4", "AUTH-6");
        assertThat(labels(pass, "story")).isEmpty();
        assertThat(pass.path("description").asText()).contains("`digests.X#pass`").contains("**AUTH-6** (MUST)").contains("NOTE: measured |t| = 0.8");
        assertThat(pass.path("links").toString()).contains("docs/PROTOCOL.md#digests").contains("matrix.html#AUTH-4");
        assertThat(r.get("a AUTH-6 digests.X#fail").path("status").asText()).isEqualTo("failed");
        JsonNode finding = r.get("a SEC-1 security.R#relay [informational]");
        assertThat(finding.path("status").asText()).as("a finding is not a pass").isEqualTo("unknown");
        assertThat(finding.path("statusDetails").path("message").asText()).startsWith("INFORMATIONAL: relayed");
        assertThat(finding.path("description").asText()).contains("FINDING: relayed session accepted");
        assertThat(r.get("a AUTH-5 digests.X#listed [xfail]").path("statusDetails").path("message").asText()).startsWith("XFAIL (expected: known)");
        assertThat(r.get("b AUTH-4, AUTH-6 digests.X#pass [XPASS]").path("status").asText()).isEqualTo("failed");
        assertThat(r.get("b TLS-1 tls.T#v [unsupported]").path("status").asText()).isEqualTo("skipped");
        assertThat(r.get("b TLS-3 tls.T#w [warning]").path("statusDetails").path("message").asText()).startsWith("WARNING");
        assertThat(r.get("a AUTH-6 digests.X#fail").path("historyId").asText())
                .isNotEqualTo(r.get("a AUTH-4, AUTH-6 digests.X#pass").path("historyId").asText());

        String categories = Files.readString(dir.resolve("results/categories.json"));
        assertThat(categories).contains("\"(?s)XFAIL\\\\b.*\"").contains("\"unknown\"");
        assertThat(Files.readString(dir.resolve("results/environment.properties"))).contains("a.seed=7").contains("b.command=cmd b");
        assertThat(Files.readString(dir.resolve("out/matrix.md"))).contains("| **HB-1 (no test)** |").contains("| AUTH-4 | MUST |");
    }

    @Test
    void aSelectRunShowsOnlyWhatItSelectedAndHistoryCarriesOver() throws IOException {
        Path previous = Files.createDirectories(dir.resolve("old-report/history"));
        Files.writeString(previous.resolve("history.json"), "{}");
        ImplementationResult r = run("a", List.of("digests"), t("digests.X#pass", Verdict.PASS, null, "AUTH-4"));
        ReportFiles.write(List.of(r), RequirementCatalog.bundled(), dir.resolve("out"), dir.resolve("results"), dir.resolve("old-report"));
        String md = Files.readString(dir.resolve("out/matrix.md"));
        assertThat(md).contains("| AUTH-4 |").doesNotContain("HB-1").contains("Only the requirements the --select run covered");
        assertThat(dir.resolve("results/history/history.json")).exists();
        assertThat(SummaryTable.render(r, RequirementCatalog.bundled())).contains("AUTH-4").doesNotContain("HB-1 ");
    }

    @Test
    void aMisspeltExpectationGetsADidYouMean() {
        ImplementationResult r = new ImplementationResult(new Implementation("a", "cmd", dir, Map.of(), null, 1.0, List.of()), "a 1", null,
                List.of(t("digests.CookieMismatchTest#wrongReplyDigest", Verdict.PASS, null, "AUTH-6")),
                List.of(new dev.snow.conformance.harness.Expectations.Entry("digests.CookieMismatchTest#wrongReplyDigst", "r")), 1, dir, 1L);
        assertThat(SummaryTable.render(r, RequirementCatalog.bundled())).contains("did you mean digests.CookieMismatchTest#wrongReplyDigest?");
    }

    @Test
    void aSelectRunOnlyHoldsTheExpectationsOfWhatItSelected() {
        assertThat(SuiteRunner.selected(List.of(), "digests.A#b")).isTrue();
        assertThat(SuiteRunner.selected(List.of("digests"), "digests.A#b")).isTrue();
        assertThat(SuiteRunner.selected(List.of("digests.A"), "digests.A#b[M1]")).isTrue();
        assertThat(SuiteRunner.selected(List.of("digests.A#b"), "digests.A#b[M1]")).isTrue();
        assertThat(SuiteRunner.selected(List.of("digests.A#b"), "digests.A#bc")).isFalse();
        assertThat(SuiteRunner.selected(List.of("names"), "digests.A#b")).isFalse();
    }
}
