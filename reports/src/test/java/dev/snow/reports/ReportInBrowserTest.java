package dev.snow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a user reads it: a small run (two implementations, known verdicts) rendered by
 * Allure's command line, served on loopback and opened in headless Chromium. Its overview counts
 * what the summaries count, a failing case shows its wire transcript, and searching a
 * requirement ID finds that requirement's tests. Skipped, with one line, where no browser is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {
    private static final Duration PAGE = Duration.ofSeconds(60);

    private Path dir;
    private ReportFixture fixture;
    private Path report;

    @BeforeAll
    void render(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fixture = new ReportFixture(dir);
        report = dir.resolve("allure-report");
        Path home = Path.of(System.getProperty("allure.home", "target/allure-commandline/allure-2.34.0"));
        assertThat(home.resolve("lib")).as("Allure's command line, unpacked by the build").isDirectory();
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-classpath", home.resolve("lib") + "/*" + java.io.File.pathSeparator + home.resolve("lib/config"),
                "io.qameta.allure.CommandLine", "generate", "--clean", "-o", report.toString(), fixture.results.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("allure.log").toFile());
        pb.environment().put("APP_HOME", home.toString());
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("allure generate finished within 180 s").isTrue();
        assertThat(p.exitValue()).as("allure generate: " + Files.readString(dir.resolve("allure.log"))).isZero();
        System.out.printf("ReportInBrowserTest: allure generate took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(report.resolve("index.html")).isRegularFile();
    }

    @Test
    void theReportCountsWhatTheSummaryCountsShowsTranscriptsAndFindsRequirements() throws Exception {
        Optional<Path> binary = Chromium.find();
        Assumptions.assumeTrue(binary.isPresent(),
                "no browser: headless Chromium not found (apt-get install chromium, or set SNOW_CHROMIUM); the report check is skipped");
        long t0 = System.nanoTime();
        // The browser profile lives outside the @TempDir: a helper process that still writes to it
        // must not turn the test's clean-up into an error. It is removed best-effort afterwards.
        Path profileParent = Files.createTempDirectory("snow-chromium-");
        try (StaticServer server = new StaticServer(report);
             Chromium chromium = new Chromium(binary.get(), Files.createDirectories(profileParent.resolve("profile")), Duration.ofSeconds(60))) {
            // 1. the overview's test count equals the summaries'
            chromium.navigate(server.url("index.html#"));
            JsonNode count = chromium.await("the overview's test-case count",
                    "(() => { const m = document.body.innerText.match(/(\\d+)\\s*test cases/i); return m ? Number(m[1]) : null; })()",
                    v -> v.isNumber(), PAGE);
            assertThat(count.asInt()).as("overview test cases vs the summaries' \"tests: N run\"").isEqualTo(fixture.summaryTestCount());

            // 2. a failing case shows its wire transcript
            String uid = failedCaseUid();
            chromium.navigate(server.url("index.html#testresult/" + uid));
            chromium.await("the failing case's attachments", "document.body.innerText.includes('wire transcript')", JsonNode::asBoolean, PAGE);
            assertThat(chromium.evaluate("document.body.innerText").asText()).contains(ReportFixture.FAILING_KEY).contains("AUTH-6")
                    .contains("Verdict: FAIL");
            chromium.evaluate("[...document.querySelectorAll('.attachment-row')].find(e => e.innerText.includes('wire transcript')).click()");
            chromium.await("the wire transcript's text", "document.body.innerText.includes(" + Chromium.JSON.writeValueAsString(ReportFixture.TRANSCRIPT_MARK) + ")",
                    JsonNode::asBoolean, PAGE);

            // 3. searching a requirement ID finds its tests (one per implementation), and only them
            chromium.navigate(server.url("index.html#suites"));
            chromium.await("the suites tree", "document.querySelectorAll('.node__leaf').length > 0", JsonNode::asBoolean, PAGE);
            chromium.evaluate("(() => { const i = document.querySelector('.search__input'); i.value = '" + ReportFixture.SEARCHED_ID + "';"
                    + " i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true})); })()");
            JsonNode names = chromium.await("tests left by the search for " + ReportFixture.SEARCHED_ID,
                    "[...document.querySelectorAll('.node__leaf .node__name')].map(e => e.innerText.trim())",
                    v -> v.size() == fixture.resultsNaming(ReportFixture.SEARCHED_ID), PAGE);
            List<String> found = new ArrayList<>();
            names.forEach(n -> found.add(n.asText()));
            assertThat(found).allMatch(n -> n.contains(ReportFixture.SEARCHED_ID));
        } finally {
            try (var paths = Files.walk(profileParent)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.out.printf("ReportInBrowserTest: browser check took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void theMatrixSitsBesideTheSummariesWithEveryRequirement() throws IOException {
        String md = Files.readString(fixture.output.resolve("matrix.md"));
        assertThat(md).contains("| AUTH-6 | MUST |").contains("**HB-1 (no test)**").contains("| alpha | beta |");
        assertThat(Files.readString(fixture.output.resolve("matrix.html"))).contains("<tr id=\"AUTH-6\"").contains("class=\"untested\"");
    }

    /** The uid of the one failed test case of the rendered report. */
    private String failedCaseUid() throws IOException {
        try (Stream<Path> cases = Files.list(report.resolve("data/test-cases"))) {
            for (Path c : (Iterable<Path>) cases::iterator) {
                JsonNode tc = Chromium.JSON.readTree(c.toFile());
                if ("failed".equals(tc.path("status").asText())) {
                    return tc.path("uid").asText();
                }
            }
        }
        throw new AssertionError("the report has no failed test case");
    }
}
