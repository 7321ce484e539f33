package dev.snow.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expectations files: a reason is mandatory, entries cannot rot (unmatched ones are reported). */
class ExpectationsTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("exp.yaml"), yaml);
    }

    @Test
    void entriesMatchByTestKeyAndUnmatchedOnesAreReported() throws IOException {
        Expectations e = Expectations.load(file("""
                implementation: broken
                expected_failures:
                  - test: digests.CookieMismatchTest#wrongReplyDigest
                    reason: accepts any digest
                  - test: framing.MalformedInputTest#asFirstFrame[len-0]
                    reason: waits for the payload
                """));
        assertThat(e.size()).isEqualTo(2);
        assertThat(e.lookup("digests.CookieMismatchTest#wrongReplyDigest").reason()).isEqualTo("accepts any digest");
        assertThat(e.lookup("digests.CookieMismatchTest#other")).isNull();
        assertThat(e.unmatched()).extracting(Expectations.Entry::test).containsExactly("framing.MalformedInputTest#asFirstFrame[len-0]");
    }

    @Test
    void anEntryWithoutReasonIsRefusedWithItsTestNamed() throws IOException {
        Path f = file("""
                expected_failures:
                  - test: digests.CookieMismatchTest#wrongReplyDigest
                """);
        assertThatThrownBy(() -> Expectations.load(f)).isInstanceOf(ConfigError.class)
                .hasMessageContaining("entry 1").hasMessageContaining("wrongReplyDigest").hasMessageContaining("has no reason")
                .satisfies(e -> assertThat(e.getMessage().split("reason", -1)).as("says it once, not twice: " + e.getMessage()).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void unknownKeysDuplicatesAndNonKeysAreRefused() throws IOException {
        Path unknown = file("expected_failures:\n  - test: a.B#c\n    reason: r\n    because: x\n");
        assertThatThrownBy(() -> Expectations.load(unknown)).isInstanceOf(ConfigError.class).hasMessageContaining("unknown key \"because\"");
        Path twice = file("expected_failures:\n  - {test: a.B#c, reason: r}\n  - {test: a.B#c, reason: s}\n");
        assertThatThrownBy(() -> Expectations.load(twice)).isInstanceOf(ConfigError.class).hasMessageContaining("listed twice");
        Path notKey = file("expected_failures:\n  - {test: AUTH-6, reason: r}\n");
        assertThatThrownBy(() -> Expectations.load(notKey)).isInstanceOf(ConfigError.class).hasMessageContaining("not a test key");
        Path bad = file("expected_failures: [\n");
        assertThatThrownBy(() -> Expectations.load(bad)).isInstanceOf(ConfigError.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Expectations.load(dir.resolve("missing.yaml"))).isInstanceOf(ConfigError.class).hasMessageContaining("not found");
    }

    @Test
    void theShippedExpectationFilesParse() throws IOException {
        Path root = dev.snow.conformance.DocsFiles.docs().getParent().resolve("conformance").resolve("expectations");
        try (var files = Files.list(root)) {
            files.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> assertThat(Expectations.load(p).source()).isEqualTo(p));
        }
    }
}
