package dev.snow.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    private static final String GOOD = String.join("\n",
            "# a comment",
            "name: demo",
            "seeds: 3..5",
            "duration: 1m",
            "network:",
            "  latency: {distribution: uniform, min: 1ms, max: 3ms}",
            "  loss: 1%",
            "  tcp: {reset_after: 30s}",
            "defaults:",
            "  cookie: c",
            "  heartbeat_interval: 5s",
            "nodes:",
            "  - name: a@sim",
            "    clock: {offset: 1s, drift_ppm: -20}",
            "  - name: \"n{i}@sim\"",
            "    count: 3",
            "    group: crowd",
            "    cookie: other",
            "timeline:",
            "  - at: 1s",
            "    connect: {from: a@sim, to: crowd, retry: 1s}",
            "  - at: 2s..3s",
            "    partition: {isolate: a@sim}",
            "  - at: 4s",
            "    heal: all",
            "expect:",
            "  - session: {among: crowd, within: 10s}",
            "  - node_down: {node: a@sim, peer: n1@sim, reason: [heartbeat_timeout, closed], window: [2s, 20s]}",
            "  - unique_node_ids",
            "swarm:",
            "  loss: 0..2%",
            "  partitions: {count: 0..2, among: crowd, window: [5s, 50s], duration: 1s..5s}",
            "");

    @Test
    void loadsEveryPartOfAFile() {
        Scenario s = ScenarioLoader.parse("demo.yaml", GOOD);
        assertThat(s.name()).isEqualTo("demo");
        assertThat(s.seeds()).isEqualTo(new SeedRange(3, 5));
        assertThat(s.duration()).isEqualTo(60 * Units.S);
        assertThat(s.network().latency()).isEqualTo(new LatencySpec("uniform", Units.MS, 3 * Units.MS));
        assertThat(s.network().loss()).isEqualTo(0.01);
        assertThat(s.network().resetAfter()).isEqualTo(30 * Units.S);
        assertThat(s.nodes()).extracting(NodeSpec::name).containsExactly("a@sim", "n1@sim", "n2@sim", "n3@sim");
        assertThat(s.nodes().get(0).settings().clockOffset()).isEqualTo(Units.S);
        assertThat(s.nodes().get(0).settings().driftPpm()).isEqualTo(-20);
        assertThat(s.nodes().get(0).settings().heartbeatInterval()).isEqualTo(5 * Units.S);
        assertThat(s.nodes().get(2).settings().cookie()).isEqualTo("other");
        assertThat(s.groups()).containsEntry("crowd", java.util.List.of("n1@sim", "n2@sim", "n3@sim"));
        assertThat(s.timeline()).hasSize(3);
        TimedAction connect = s.timeline().get(0);
        assertThat(connect.action()).isEqualTo(new Action.Connect(new Selector("a@sim", java.util.List.of("a@sim")),
                new Selector("crowd", java.util.List.of("n1@sim", "n2@sim", "n3@sim")), false, 0, Units.S));
        assertThat(s.timeline().get(1).randomTime()).isTrue();
        assertThat(((Action.Heal) s.timeline().get(2).action()).links()).isEqualTo(LinkSelector.ALL);
        assertThat(s.expectations()).hasSize(3);
        Expectation.NodeDown down = (Expectation.NodeDown) s.expectations().get(1);
        assertThat(down.reasons()).containsExactly("heartbeat_timeout", "closed");
        assertThat(down.line()).isEqualTo(28);
        assertThat(s.swarm().partitions().count()).containsExactly(0, 2);
    }

    private static void refused(String yaml, String... fragments) {
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", yaml))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> {
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
    }

    @Test
    void anUnknownFieldNamesFileLineFieldAndTheKnownOnes() {
        refused("duration: 1m\nnodes:\n  - name: a@sim\n    heartbeat_intreval: 5s\n",
                "bad.yaml:4:", "nodes[0]", "unknown field heartbeat_intreval", "heartbeat_interval");
    }

    @Test
    void aBadValueNamesItsField() {
        refused("duration: 1m\nnodes:\n  - name: a@sim\n    heartbeat_timeout: 15\n",
                "bad.yaml:4:", "nodes[0].heartbeat_timeout", "expected a duration");
        refused("duration: soon\nnodes:\n  - name: a@sim\n", "bad.yaml:1:", "duration:", "\"soon\"");
    }

    @Test
    void aReferenceToAnUndeclaredNodeIsRefused() {
        refused("duration: 1m\nnodes:\n  - name: a@sim\ntimeline:\n  - at: 1s\n    connect: {from: a@sim, to: b@sim}\n",
                "bad.yaml:6:", "timeline[0].connect.to", "\"b@sim\" is neither a node");
    }

    @Test
    void structuralMistakesAreExplained() {
        refused("nodes:\n  - name: a@sim\n", "missing required field \"duration\"");
        refused("duration: 1m\nnodes:\n  - name: \"n@sim\"\n    count: 3\n", "needs {i} in the name");
        refused("duration: 1m\nnodes:\n  - name: a@sim\n  - name: a@sim\n", "bad.yaml:4:", "declared twice (first on line 3)");
        refused("duration: 1m\nnodes:\n  - name: not-a-name\n", "invalid node name", "NAME-1");
        refused("duration: 1m\nnodes:\n  - name: a@sim\ntimeline:\n  - at: 2m\n    stop: a@sim\n", "after the end of the run");
        refused("duration: 1m\nnodes:\n  - name: a@sim\ntimeline:\n  - at: 1s\n    stop: a@sim\n    crash: a@sim\n",
                "one action per timeline entry");
        refused("duration: 1m\nnodes:\n  - name: a@sim\ntimeline:\n  - at: 1s\n    partition: {to: a@sim}\n",
                "timeline[0].partition: missing required field \"from\"");
        refused("duration: 1m\nnodes:\n  - name: a@sim\nexpect:\n  - node_down: {node: a@sim, peer: a@sim, reason: tired}\n",
                "unknown reason \"tired\"", "heartbeat_timeout");
        refused("duration: 1m\nnodes:\n  - name: a@sim\nexpect:\n  - eventually: {}\n", "each expectation is one of");
    }

    @Test
    void yamlSyntaxErrorsCarryTheirLine() {
        refused("duration: 1m\nnodes:\n  - name: a@sim\n  oops: [\n", "bad.yaml:", "YAML syntax");
        refused("duration: 1m\nnodes:\n\t- name: a@sim\n", "bad.yaml:3", "YAML syntax");
        refused("", "the file is empty");
    }

    @Test
    void aMissingFileIsOneClearMessage() {
        assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no/such/file.yaml")))
                .isInstanceOf(ScenarioException.class).hasMessage("no/such/file.yaml: no such file");
    }

    @Test
    void everyShippedScenarioLoads() throws Exception {
        Path dir = Path.of(System.getProperty("sim.scenarios", "../scenarios"));
        try (var files = java.nio.file.Files.walk(dir)) {
            var yamls = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yamls).hasSizeGreaterThanOrEqualTo(12);
            for (Path p : yamls) {
                Scenario s = ScenarioLoader.load(p);
                assertThat(s.description()).as(p + " has a description").isNotBlank();
                assertThat(java.nio.file.Files.readString(p)).as(p + " starts with a header comment").startsWith("# ");
            }
        }
    }
}
