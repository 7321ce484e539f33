package dev.snow.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes 0 / 1 / 2, one clear message for bad input, the trace file. */
class SnowSimTest {
    private static final String DIR = "src/test/resources/scenarios/";

    @Test
    void helpListsTheCommands() {
        assertThat(CliRunner.run("--help")).startsWith("0\n").contains("run").contains("validate").contains("bench");
        assertThat(CliRunner.run("run", "--help")).startsWith("0\n").contains("--seeds").contains("--trace").contains("replay");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(CliRunner.run()).startsWith("2\n").contains("a command is required");
        assertThat(CliRunner.run("run", DIR + "tiny.yaml", "--seed", "1", "--seeds", "1..2")).startsWith("2\n")
                .contains("--seed or --seeds, not both");
        assertThat(CliRunner.run("run", DIR + "tiny.yaml", "--seeds", "1..2", "--trace", "x.jsonl")).startsWith("2\n")
                .contains("--trace needs a single seed");
        assertThat(CliRunner.run("run", DIR + "tiny.yaml", "--seeds", "9..1")).startsWith("2\n").contains("empty");
        assertThat(CliRunner.run("frobnicate")).startsWith("2\n");
    }

    @Test
    void aBadFileIsOneMessageWithoutAStackTrace(@TempDir Path tmp) throws Exception {
        assertThat(CliRunner.run("run", "no/such.yaml")).isEqualTo("2\nsnow-sim: no/such.yaml: no such file\n");
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "duration: 1m\nnodes:\n  - name: a@sim\n    cookie: \"\"\n");
        String out = CliRunner.run("run", bad.toString());
        assertThat(out).startsWith("2\n").contains("bad.yaml:4:").contains("cookie must not be empty").doesNotContain("\tat ");
        assertThat(CliRunner.run("validate", bad.toString(), DIR + "tiny.yaml")).startsWith("2\n").contains("ok " + DIR + "tiny.yaml");
    }

    @Test
    void aPassingSeedExitsWithZeroAndSaysItsHash() {
        assertThat(CliRunner.run("run", DIR + "tiny.yaml", "--seed", "1", "--check-determinism")).startsWith("0\n")
                .contains("PASS " + DIR + "tiny.yaml seed 1").contains("trace hash").contains("same hash twice");
    }

    @Test
    void aSweepReportsEverySeedAndExitsWithOneOnFailure() {
        assertThat(CliRunner.run("run", DIR + "tiny.yaml")).startsWith("0\n").contains("seeds 1..3: 3 passed, 0 failed");
        String out = CliRunner.run("run", DIR + "impossible.yaml", "--seeds", "1..3", "--jobs", "2");
        assertThat(out).startsWith("1\n").contains("0 passed, 3 failed (seeds [1, 2, 3])")
                .contains("replay: bin/snow-sim run " + DIR + "impossible.yaml --seed 1");
    }

    @Test
    void theTraceIsOneJsonObjectPerLine(@TempDir Path tmp) throws Exception {
        Path trace = tmp.resolve("t.jsonl");
        assertThat(CliRunner.run("run", DIR + "tiny.yaml", "--seed", "2", "--trace", trace.toString())).startsWith("0\n");
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertThat(n.get("t").asText()).matches("\\d+\\.\\d{9}");
            assertThat(n.get("kind").asText()).isNotEmpty();
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"kind\":\"node_up\"").contains("\"node_id\":1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"frames\":[\"NAME a@sim creation"));
    }
}
