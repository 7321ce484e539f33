package dev.snow.ref;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sans-IO rule, enforced on the sources: the protocol core packages never touch sockets,
 * TLS, Netty, threads, clocks or system randomness. Only transport, cli and adapter may.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "snow", "ref");
    private static final List<String> CORE = List.of("wire", "handshake", "session", "node", "collect");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "import\\s+(java\\.net|javax\\.net|io\\.netty|java\\.util\\.concurrent|java\\.time\\.Clock|java\\.security\\.SecureRandom)"
                    + "|System\\.(nanoTime|currentTimeMillis)|Instant\\.now|LocalDateTime\\.now|new\\s+Thread|new\\s+SecureRandom"
                    + "|Math\\.random|new\\s+Random\\(|ThreadLocalRandom|Thread\\.sleep");

    @Test
    void coreStaysSansIo() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : CORE) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (FORBIDDEN.matcher(lines.get(i)).find()) {
                            violations.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(violations).as("sans-IO violations in the protocol core").isEmpty();
    }

    @Test
    void everyPackageStatesItsRule() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(d)) {
                    hasJava = files.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(d.resolve("package-info.java"))) {
                    missing.add(d.toString());
                }
            }
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }

    @Test
    void theRuleCatchesWhatItShould() {
        assertThat(FORBIDDEN.matcher("import io.netty.channel.Channel;").find()).isTrue();
        assertThat(FORBIDDEN.matcher("long t = System.nanoTime();").find()).isTrue();
        assertThat(FORBIDDEN.matcher("SecureRandom r = new SecureRandom();").find()).isTrue();
        assertThat(FORBIDDEN.matcher("long now = nowNanos;").find()).isFalse();
    }
}
