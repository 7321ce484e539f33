package dev.snow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The suite's codec, HMAC and state logic are written apart from the reference node: no source
 * file of conformance-suite may name its packages in code (import or fully qualified name;
 * comments may mention them), and nothing of it may be on the suite's classpath.
 */
class NoReferenceImportTest {
    /** Built from pieces so this file does not match itself. */
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.snow\\." + "ref\\b");

    @Test
    void noSourceFileNamesTheReferenceNodesPackages() throws IOException {
        Path src = DocsFiles.module().resolve("src");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(src)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> REFERENCE.matcher(code(read(p))).find())
                    .map(p -> src.relativize(p).toString())
                    .collect(Collectors.toList());
        }
        assertThat(offenders).as("conformance-suite sources that name the reference node's packages").isEmpty();
    }

    @Test
    void theReferenceNodeIsNotOnTheClasspath() {
        assertThat(System.getProperty("java.class.path")).doesNotContain("reference-node");
        assertThat(getClass().getClassLoader().getResource("dev/snow/" + "ref/node/NodeCore.class")).isNull();
    }

    /** The text without comments: prose may name the reference node, code may not. */
    static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    @Test
    void theCheckSeesImportsAndQualifiedNamesButNotProse() {
        String ref = "dev.snow." + "ref";
        assertThat(REFERENCE.matcher(code("import " + ref + ".wire.Frame;")).find()).isTrue();
        assertThat(REFERENCE.matcher(code("var f = new " + ref + ".wire.FrameDecoder();")).find()).isTrue();
        assertThat(REFERENCE.matcher(code("/** no " + ref + " here */ class A {} // nor " + ref)).find()).isFalse();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
