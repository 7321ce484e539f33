package dev.snow.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled vectors are the ones in docs/, and their case ids (expectation keys) are unique. */
class VectorsTest {
    @Test
    void caseIdsAreUniquePerTable() {
        List<String> invalid = new ArrayList<>();
        Vectors.invalid().forEach(v -> invalid.add(v.slug()));
        List<String> semantic = new ArrayList<>();
        Vectors.semantic().forEach(v -> semantic.add(v.slug()));
        assertThat(invalid).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates().allMatch(s -> s.matches("[a-z0-9-]+"));
        assertThat(semantic).doesNotHaveDuplicates().doesNotContain("own-name").allMatch(s -> s.matches("[a-z0-9-]+"));
    }

    @Test
    void theBundledCopyIsTheDocsFile() throws Exception {
        byte[] docs = java.nio.file.Files.readAllBytes(dev.snow.conformance.DocsFiles.docs().resolve("vectors/frames.json"));
        try (var in = Vectors.class.getResourceAsStream(Vectors.FRAMES)) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(docs);
        }
    }
}
