package dev.snow.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conformance.yaml: implementations with commands, expectations and options; one clear message per mistake. */
class ConformanceConfigTest {
    @TempDir
    Path dir;

    @Test
    void implementationsResolveTheirPathsAgainstTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("conformance.yaml"), """
                implementations:
                  - name: reference
                    command: bin/snow-node --adapter
                    expectations: expectations/reference.yaml
                  - name: python-node
                    command: python3 adapter.py
                    workdir: ../py
                    timeout_scale: 2.5
                    env: {SNOW_LOG: debug}
                    select: [digests, handshake.HandshakeLayoutTest]
                """);
        List<Implementation> impls = ConformanceConfig.load(f, Path.of("/root-of-project"));
        assertThat(impls).extracting(Implementation::name).containsExactly("reference", "python-node");
        assertThat(impls.get(0).expectations()).isEqualTo(dir.resolve("expectations/reference.yaml"));
        assertThat(impls.get(0).workdir()).isEqualTo(Path.of("/root-of-project"));
        assertThat(impls.get(1).workdir()).isEqualTo(dir.getParent().resolve("py"));
        assertThat(impls.get(1).timeoutScale()).isEqualTo(2.5);
        assertThat(impls.get(1).env()).containsEntry("SNOW_LOG", "debug");
        assertThat(impls.get(1).select()).containsExactly("digests", "handshake.HandshakeLayoutTest");
    }

    @Test
    void mistakesEndInOneClearMessage() throws IOException {
        assertThatThrownBy(() -> load("implementations: []")).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> load("implementations:\n  - name: a\n")).hasMessageContaining("(a) needs a non-empty \"command\"");
        assertThatThrownBy(() -> load("implementations:\n  - {name: a, command: x}\n  - {name: a, command: y}\n")).hasMessageContaining("used twice");
        assertThatThrownBy(() -> load("implementations:\n  - {name: 'a b', command: x}\n")).hasMessageContaining("may only hold");
        assertThatThrownBy(() -> load("implementations:\n  - {name: a, command: x, timeout_scale: fast}\n")).hasMessageContaining("positive number");
        assertThatThrownBy(() -> load("implementations:\n  - {name: a, command: x, colour: red}\n")).hasMessageContaining("unknown key \"colour\"");
        assertThatThrownBy(() -> load("impls: []")).hasMessageContaining("unknown key \"impls\"");
    }

    @Test
    void anImplementationWhoseRequiredFileIsMissingIsSkippedWithOneLine() throws IOException {
        Files.writeString(dir.resolve("built"), "x");
        Path f = Files.writeString(dir.resolve("r.yaml"), """
                implementations:
                  - {name: here, command: x, requires: [built]}
                  - {name: absent, command: y, requires: [built, target/never-built]}
                """);
        List<String> lines = new java.util.ArrayList<>();
        List<Implementation> impls = ConformanceConfig.load(f, dir, lines::add);
        assertThat(impls).extracting(Implementation::name).containsExactly("here");
        assertThat(lines).singleElement().asString()
                .contains("SKIPPED absent").contains(dir.resolve("target/never-built").toString());
        assertThatThrownBy(() -> load("implementations:\n  - {name: a, command: x, requires: file}\n")).hasMessageContaining("requires must be a list");
    }

    @Test
    void anImageEntryRunsThroughTheContainerBridgeWithItsEnvironmentQuoted() throws IOException {
        Path f = Files.writeString(dir.resolve("img.yaml"), """
                implementations:
                  - name: boxed
                    image: ghcr.io/me/snow-node:1.0
                    env: {SNOW_LOG: "it's debug"}
                  - {name: local, command: bin/snow-node --adapter, env: {A: b}}
                """);
        List<String> lines = new java.util.ArrayList<>();

        List<Implementation> impls = ConformanceConfig.load(f, dir, lines::add, () -> null);

        assertThat(lines).isEmpty();
        assertThat(impls.get(0).command())
                .isEqualTo("bin/snow-container-adapter --env 'SNOW_LOG=it'\\''s debug' 'ghcr.io/me/snow-node:1.0'");
        assertThat(impls.get(0).env()).as("the environment goes into the container, not to the bridge").isEmpty();
        assertThat(impls.get(1).env()).containsEntry("A", "b");
    }

    @Test
    void anImageEntryWithoutADockerEngineIsSkippedWithOneLineAndOthersStillRun() throws IOException {
        Path f = Files.writeString(dir.resolve("img.yaml"), """
                implementations:
                  - {name: boxed, image: snow-node}
                  - {name: local, command: x}
                """);
        List<String> lines = new java.util.ArrayList<>();

        List<Implementation> impls = ConformanceConfig.load(f, dir, lines::add, () -> "no Docker engine (test)");

        assertThat(impls).extracting(Implementation::name).containsExactly("local");
        assertThat(lines).singleElement().asString().contains("SKIPPED boxed").contains("image snow-node").contains("no Docker engine (test)");
    }

    @Test
    void imageMistakesEndInOneClearMessage() {
        assertThatThrownBy(() -> load("implementations:\n  - {name: a, command: x, image: y}\n")).hasMessageContaining("(a): give command or image, not both");
        assertThatThrownBy(() -> load("implementations:\n  - {name: a, image: 'Bad Image'}\n")).hasMessageContaining("image \"Bad Image\" is not a Docker image reference");
        assertThatThrownBy(() -> load("implementations:\n  - {name: a, image: ''}\n")).hasMessageContaining("(a)");
    }

    @Test
    void theShippedConfigurationParses() {
        Path root = dev.snow.conformance.DocsFiles.docs().getParent();
        List<Implementation> impls = ConformanceConfig.load(root.resolve("conformance/conformance.yaml"), root);
        assertThat(impls).extracting(Implementation::name).contains("reference");
        for (Implementation i : impls) {
            if (i.expectations() != null) {
                assertThat(i.expectations()).exists();
            }
        }
    }

    private List<Implementation> load(String yaml) throws IOException {
        return ConformanceConfig.load(Files.writeString(dir.resolve("c.yaml"), yaml), dir);
    }

    @Test
    void aTabIsReportedOnItsOwnLine() throws IOException {
        Path f = Files.writeString(dir.resolve("tab.yaml"), "implementations:\n  - name: a\n\tcommand: x\n");
        assertThatThrownBy(() -> ConformanceConfig.load(f, dir)).isInstanceOf(ConfigError.class).hasMessageContaining("at line 3, column 1").hasMessageContaining("TAB").hasMessageNotContaining("line 2");
    }

    @Test
    void anUnknownKeyGetsADidYouMeanAndTheKnownKeysInOrder() throws IOException {
        Path f = Files.writeString(dir.resolve("typo.yaml"), "implementations:\n  - name: a\n    comand: x\n");
        assertThatThrownBy(() -> ConformanceConfig.load(f, dir)).isInstanceOf(ConfigError.class)
                .hasMessageContaining("unknown key \"comand\" (did you mean \"command\"?")
                .hasMessageContaining("known keys: command, env, expectations, image, name, requires, select, timeout_scale, workdir");
    }
}
