package dev.snow.sim.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snow.sim.scenario.Scenario;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped reset and slicer files do what they say in the simulator: the reset really resets
 * (both ends, once) and the slicer really delivers single bytes while it is on, whole frames after.
 */
class ResetAndSlicerScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> trace(Scenario s, long seed, RunResult[] result) throws Exception {
        StringWriter w = new StringWriter();
        result[0] = SimulationRunner.run(s, seed, new RunOptions(w, null));
        List<JsonNode> out = new ArrayList<>();
        for (String line : w.toString().split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void theResetFileResetsTheLiveConnectionOnBothSidesAndTheNextOneSurvives() throws Exception {
        Scenario s = ScenarioFilesTest.load(ScenarioFilesTest.scenariosDir().resolve("reset-real.yaml"));
        RunResult[] r = new RunResult[1];
        List<JsonNode> records = trace(s, 1, r);

        assertThat(r[0].passed()).as("%s", r[0].unmet()).isTrue();
        List<JsonNode> resets = records.stream().filter(j -> j.path("kind").asText().equals("reset")).toList();
        assertThat(resets).extracting(j -> j.path("node").asText()).containsExactlyInAnyOrder("a@sim", "b@sim");
        assertThat(resets).allSatisfy(j -> {
            assertThat(j.path("tcp").asInt()).as("the connection open at 3 s").isEqualTo(1);
            assertThat(j.path("detail").asText()).startsWith("connection reset by peer (reset on the link");
            assertThat(Double.parseDouble(j.path("t").asText())).isBetween(3.2, 4.3);
        });
        assertThat(r[0].network().resets()).isEqualTo(2);
    }

    @Test
    void theSlicerFileDeliversSingleBytesWhileOnAndWholeWritesAfter() throws Exception {
        Scenario s = ScenarioFilesTest.load(ScenarioFilesTest.scenariosDir().resolve("slicer-real.yaml"));
        RunResult[] r = new RunResult[1];
        List<JsonNode> delivers = trace(s, 1, r).stream().filter(j -> j.path("kind").asText().equals("deliver")).toList();

        assertThat(r[0].passed()).as("%s", r[0].unmet()).isTrue();
        List<JsonNode> whileOn = delivers.stream().filter(j -> Double.parseDouble(j.path("t").asText()) < 4.0).toList();
        List<JsonNode> after = delivers.stream().filter(j -> Double.parseDouble(j.path("t").asText()) > 4.1).toList();
        assertThat(whileOn).as("handshake and heartbeats while sliced").hasSizeGreaterThan(500)
                .allSatisfy(j -> assertThat(j.path("len").asInt()).isEqualTo(1));
        assertThat(after).as("heartbeats after the slicer ends").isNotEmpty()
                .allSatisfy(j -> assertThat(j.path("len").asInt()).isEqualTo(13));
    }
}
