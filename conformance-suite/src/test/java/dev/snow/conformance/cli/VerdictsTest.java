package dev.snow.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.Expectations;
import dev.snow.conformance.harness.Implementation;
import dev.snow.conformance.harness.RequirementCatalog;
import dev.snow.conformance.harness.RunContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.w3c.dom.Document;

/**
 * The verdict machinery end to end on planted outcomes: expectations turn failures into xfail and
 * passes into XPASS, unsupported and SHOULD misses are never passes, INFO tests are informational,
 * unmatched entries are reported; the summary and the JUnit XML say so.
 */
class VerdictsTest {
    @TempDir
    Path dir;

    @Test
    void everyVerdictIsReportedAsTheSpecOfTheSuiteSays() throws Exception {
        Path exp = Files.writeString(dir.resolve("exp.yaml"), """
                expected_failures:
                  - {test: "cli.VerdictFixtures#failsAsExpected", reason: planted}
                  - {test: "cli.VerdictFixtures#passesButIsListed", reason: stale}
                  - {test: "cli.VerdictFixtures#table[bad-case]", reason: planted case}
                  - {test: "cli.VerdictFixtures#noSuchTest", reason: rotten}
                  - {test: "cli.VerdictFixtures#isInconclusiveButListed", reason: "a leak the measurement must catch"}
                """);
        Implementation impl = new Implementation("fixture", "true", dir, Map.of(), exp, 1.0, List.of());
        Expectations expectations = Expectations.load(exp);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunRecorder recorder = new RunRecorder("fixture", new PrintStream(progress, true, StandardCharsets.UTF_8));
        RunContext.begin(impl, dir.resolve("out"), expectations);
        try {
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                            .addTestExecutionListeners(recorder).build())
                    .execute(LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(VerdictFixtures.class))
                            .configurationParameter("junit.jupiter.displayname.generator.default", "dev.snow.conformance.harness.MethodNames")
                            .build());
        } finally {
            RunContext.end();
        }
        Map<String, TestRecord> byKey = recorder.records().stream().collect(Collectors.toMap(TestRecord::key, Function.identity()));
        assertThat(byKey.get("cli.VerdictFixtures#passes").verdict()).isEqualTo(Verdict.PASS);
        assertThat(byKey.get("cli.VerdictFixtures#fails").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(byKey.get("cli.VerdictFixtures#failsAsExpected").verdict()).isEqualTo(Verdict.XFAIL);
        assertThat(byKey.get("cli.VerdictFixtures#failsAsExpected").message()).contains("XFAIL (expected: planted)");
        assertThat(byKey.get("cli.VerdictFixtures#passesButIsListed").verdict()).isEqualTo(Verdict.XPASS);
        assertThat(byKey.get("cli.VerdictFixtures#isUnsupported").verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(byKey.get("cli.VerdictFixtures#isInconclusive").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(byKey.get("cli.VerdictFixtures#isInconclusiveButListed").verdict()).as("not judged is neither xfail nor XPASS")
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(byKey.get("cli.VerdictFixtures#missesAShould").verdict()).isEqualTo(Verdict.WARNING);
        assertThat(byKey.get("cli.VerdictFixtures#demonstrates").verdict()).isEqualTo(Verdict.INFORMATIONAL);
        assertThat(byKey.get("cli.VerdictFixtures#demonstrates").notes()).containsExactly("SEC-1: a note");
        assertThat(byKey.get("cli.VerdictFixtures#table[ok-case]").verdict()).isEqualTo(Verdict.PASS);
        assertThat(byKey.get("cli.VerdictFixtures#table[ok-case]").requirements()).containsExactly("FRAME-2");
        assertThat(byKey.get("cli.VerdictFixtures#table[bad-case]").verdict()).isEqualTo(Verdict.XFAIL);
        assertThat(expectations.unmatched()).extracting(Expectations.Entry::test).containsExactly("cli.VerdictFixtures#noSuchTest");

        ImplementationResult result = new ImplementationResult(impl, "fixture 0, adapter 1", null, recorder.records(),
                expectations.unmatched(), 1234, dir.resolve("out"));
        assertThat(result.ok()).isFalse();
        String summary = SummaryTable.render(result, RequirementCatalog.bundled());
        assertThat(summary).containsPattern("AUTH-6 +MUST +fail +1 fail, 1 pass")
                .containsPattern("AUTH-5 +MUST +xfail")
                .containsPattern("AUTH-3 +MUST +XPASS")
                .containsPattern("AUTH-4 +MUST +unsupported")
                .containsPattern("TLS-3 +SHOULD +warning")
                .containsPattern("SEC-1 +INFO +informational")
                .containsPattern("HB-1 +MUST +not tested")
                .containsPattern("HS-1 +MUST +inconclusive +1 inconclusive +INCONCLUSIVE: HS-1: planted")
                .contains("INCONCLUSIVE (not judged: HS-1) cli.VerdictFixtures#isInconclusive: HS-1: planted")
                .contains("2 INCONCLUSIVE, not judged")
                .contains("ERROR expectation matches no test that ran: cli.VerdictFixtures#noSuchTest")
                .contains("RESULT: FAIL");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[fixture] XPASS", "cli.VerdictFixtures#table[bad-case]");

        JunitXmlWriter.write(result, dir.resolve("junit"));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("junit").resolve("TEST-fixture.cli.VerdictFixtures.xml").toFile());
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("11");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(6);
        assertThat(xml.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("name").getNodeValue()).doesNotContain("(");
    }

    @Test
    void aRequirementPassesWhenSomeTestPassedAndOthersCouldNotJudge() {
        TestRecord pass = new TestRecord("a#b", "b", List.of("X-1"), Verdict.PASS, null, 1, List.of());
        TestRecord unsupported = new TestRecord("a#c", "c", List.of("X-1"), Verdict.UNSUPPORTED, "u", 1, List.of());
        TestRecord info = new TestRecord("a#d", "d", List.of("X-1"), Verdict.INFORMATIONAL, "i", 1, List.of());
        TestRecord xfail = new TestRecord("a#e", "e", List.of("X-1"), Verdict.XFAIL, "x", 1, List.of());
        assertThat(SummaryTable.aggregate(List.of(pass, unsupported, info))).isEqualTo(Verdict.PASS);
        assertThat(SummaryTable.aggregate(List.of(unsupported, info))).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(SummaryTable.aggregate(List.of(info))).isEqualTo(Verdict.INFORMATIONAL);
        assertThat(SummaryTable.aggregate(List.of(pass, xfail))).isEqualTo(Verdict.XFAIL);
        TestRecord inconclusive = new TestRecord("a#f", "f", List.of("X-1"), Verdict.INCONCLUSIVE, "n", 1, List.of());
        assertThat(SummaryTable.aggregate(List.of(pass, unsupported, inconclusive))).as("not judged stands out over a pass")
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(SummaryTable.aggregate(List.of())).isEqualTo(Verdict.NOT_TESTED);
    }

    @Test
    void badConfigurationEndsWithOneClearMessageAndStatus2() throws IOException {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(ConformanceMain.run(new String[] {"--root", dir.toString(), "--config", dir.resolve("missing.yaml").toString()})).isEqualTo(2);
            assertThat(ConformanceMain.run(new String[] {"--root", dir.toString(), "--iut", "true", "--select", "nosuchpackage"})).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("snow-conformance: configuration file not found").contains("select: no test package \"nosuchpackage\"")
                .doesNotContain("\tat ");
    }

    @Test
    void anAdapterThatCannotStartIsNotRunWithItsReason() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = ConformanceMain.run(new String[] {"--root", dir.toString(), "--output", dir.resolve("out").toString(),
                "--iut", "/nonexistent/adapter", "--name", "ghost"});
        } finally {
            System.setOut(stdout);
        }
        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT RUN: ").contains("status 127").contains("ghost");
    }

    @Test
    void anAdapterThatSaysReadyAndExitsIsNotRunNotAStringOfRequirementFailures() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        Path marker = dir.resolve("failed.txt");
        int status;
        try {
            status = ConformanceMain.run(new String[] {"--root", dir.toString(), "--output", dir.resolve("out").toString(),
                "--fail-marker", marker.toString(), "--name", "quitter", "--iut",
                "echo '{\"event\":\"ready\",\"implementation\":\"quitter\",\"version\":\"0\",\"adapter\":\"1\"}'; echo 'quitter: out of luck' >&2; exit 3"});
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(2);
        assertThat(text).contains("NOT RUN: ").contains("the adapter exited with status 3").contains("quitter: out of luck")
                .doesNotContain("FAIL ").doesNotContain("Failed to resolve parameter");
        assertThat(Files.readString(marker)).contains("could not be run").contains("exit status 2");
        assertThat(dir.resolve("allure-results/environment.properties")).as("Allure results beside --output, never in the working directory")
                .content().contains("quitter.implementation=NOT RUN");
    }
}
