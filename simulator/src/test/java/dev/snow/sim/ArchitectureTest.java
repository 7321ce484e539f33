package dev.snow.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The determinism rule as a check on the sources: the packages a run goes through (engine,
 * network, scenario, check, runner) read no clock, start no thread and draw no randomness of
 * their own. Only cli and bench may read the wall clock (to show speed); nothing they read
 * reaches a simulation.
 */
class ArchitectureTest {
    private static final List<String> DETERMINISTIC = List.of("engine", "network", "scenario", "check", "runner");
    private static final List<String> FORBIDDEN = List.of("System.nanoTime", "System.currentTimeMillis", "Instant.now",
            "LocalDateTime.now", "Clock.system", "new Thread", "Executors.", "ExecutorService", "java.util.Random",
            "ThreadLocalRandom", "Math.random", "SecureRandom", "identityHashCode", "parallelStream", "Math.log",
            "Math.sin", "Math.cos", "Math.exp", "Math.pow");

    @Test
    void runsReadNoClockStartNoThreadAndDrawOnlySeededRandomness() throws IOException {
        List<String> offences = new ArrayList<>();
        for (String pkg : DETERMINISTIC) {
            Path dir = Path.of("src/main/java/dev/snow/sim", pkg);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        for (String bad : FORBIDDEN) {
                            if (lines.get(i).contains(bad) && !lines.get(i).contains("StrictMath")) {
                                offences.add(f + ":" + (i + 1) + ": " + bad);
                            }
                        }
                    }
                }
            }
        }
        assertThat(offences).as("clock, thread or unseeded randomness on a simulation path").isEmpty();
    }
}
