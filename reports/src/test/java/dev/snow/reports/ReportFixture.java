package dev.snow.reports;

import dev.snow.conformance.cli.ImplementationResult;
import dev.snow.conformance.cli.ReportFiles;
import dev.snow.conformance.cli.SummaryTable;
import dev.snow.conformance.cli.TestRecord;
import dev.snow.conformance.cli.Verdict;
import dev.snow.conformance.harness.Implementation;
import dev.snow.conformance.harness.RequirementCatalog;
import dev.snow.conformance.harness.TestKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small conformance run with known verdicts for two implementations, written by the suite's
 * own writer (ReportFiles) into a temporary directory: results, summaries and the matrix.
 */
final class ReportFixture {
    static final String FAILING_KEY = "digests.CookieMismatchTest#wrongReplyDigest";
    static final String TRANSCRIPT_MARK = "CHALLENGE_ACK after a wrong digest (transcript mark 7f3a)";
    static final String SEARCHED_ID = "AUTH-4";

    final Path results;
    final Path output;
    final List<ImplementationResult> runs = new ArrayList<>();

    ReportFixture(Path dir) throws IOException {
        results = dir.resolve("allure-results");
        output = dir.resolve("conformance");
        runs.add(run("alpha", List.of(
                record("digests.TimingSafeCompareTest#digestComparisonIsConstantTime", List.of("AUTH-4"), Verdict.PASS, null,
                        List.of("AUTH-4 timing: |t| = 1.31 over 4 rounds, detection power 0.97 at 20 us")),
                record(FAILING_KEY, List.of("AUTH-6", "HS-6"), Verdict.FAIL, "AUTH-6: the node answered a wrong REPLY digest with CHALLENGE_ACK", List.of()),
                record("handshake.HandshakeLayoutTest#statusChallengeLayout", List.of("HS-1"), Verdict.XFAIL,
                        "XFAIL (expected: planted): layout differs", List.of()),
                record("security.RelayTest#relayedHandshakeIsAccepted", List.of("SEC-1"), Verdict.INFORMATIONAL,
                        "a session relayed by a man-in-the-middle was accepted", List.of()))));
        runs.add(run("beta", List.of(
                record("digests.TimingSafeCompareTest#digestComparisonIsConstantTime", List.of("AUTH-4"), Verdict.PASS, null, List.of()),
                record(FAILING_KEY, List.of("AUTH-6", "HS-6"), Verdict.PASS, null, List.of()),
                record("names.NameRulesTest#unusualValidNamesAreAccepted", List.of("NAME-1"), Verdict.UNSUPPORTED,
                        "the adapter answered unsupported", List.of()))));
        ReportFiles.write(runs, RequirementCatalog.bundled(), output, results, null);
    }

    /** The test count the summaries print ("tests: N run"), added up over the implementations. */
    int summaryTestCount() {
        int n = 0;
        Pattern p = Pattern.compile("(?m)^tests: (\\d+) run");
        for (ImplementationResult r : runs) {
            Matcher m = p.matcher(SummaryTable.render(r, RequirementCatalog.bundled()));
            if (!m.find()) {
                throw new AssertionError("no test count in the summary of " + r.implementation().name());
            }
            n += Integer.parseInt(m.group(1));
        }
        return n;
    }

    /** How many results name the requirement (one per test and implementation). */
    long resultsNaming(String id) {
        return runs.stream().flatMap(r -> r.tests().stream()).filter(t -> t.requirements().contains(id)).count();
    }

    private ImplementationResult run(String name, List<TestRecord> tests) throws IOException {
        Path out = output.resolve(name);
        for (TestRecord t : tests) {
            Path dir = out.resolve("tests").resolve(TestKey.fileName(t.key()));
            Files.createDirectories(dir);
            String wire = t.verdict() == Verdict.FAIL ? "> NAME tester@127.0.0.1\n< STATUS_CHALLENGE ok\n> CHALLENGE_REPLY (wrong digest)\n< " + TRANSCRIPT_MARK + "\n"
                    : "> NAME tester@127.0.0.1\n< STATUS_CHALLENGE ok\n";
            Files.writeString(dir.resolve("wire.txt"), wire);
            Files.writeString(dir.resolve("adapter.txt"), "# adapter " + name + "\n> {\"cmd\":\"start\"}\n< {\"ok\":true}\n");
        }
        Implementation impl = new Implementation(name, name + "-adapter --json", out, Map.of(), null, 1.0, List.of());
        return new ImplementationResult(impl, name + " 1.0, adapter 1", null, tests, List.of(), 1200, out, 42L);
    }

    private static TestRecord record(String key, List<String> ids, Verdict v, String message, List<String> notes) {
        return new TestRecord(key, key.substring(key.indexOf('#') + 1), ids, v, message, 50, notes, System.currentTimeMillis());
    }
}
