package dev.snow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.AdapterContract;
import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.RequirementCatalog;
import dev.snow.conformance.harness.Vectors;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every MUST of docs/requirements.json has at least one conformance test; every ID a test names
 * exists; every requirement test names its IDs (or marks itself as an adapter-contract test).
 */
class RequirementCoverageTest {
    private static final String ROOT = "dev.snow.conformance.";
    private static final Set<String> NOT_TESTS = Set.of("harness", "peer", "cli");

    @Test
    void everyMustHasAConformanceTest() throws Exception {
        RequirementCatalog catalog = RequirementCatalog.load(DocsFiles.docs().resolve("requirements.json"));
        Map<String, List<String>> coverage = coverage();
        List<String> uncovered = catalog.all().stream().filter(RequirementCatalog.Spec::isMust)
                .map(RequirementCatalog.Spec::id).filter(id -> !coverage.containsKey(id)).collect(Collectors.toList());
        assertThat(uncovered).as("MUST requirements of docs/requirements.json without a conformance test").isEmpty();
    }

    @Test
    void everyNamedIdExistsAndEveryTestNamesItsIds() throws Exception {
        RequirementCatalog catalog = RequirementCatalog.load(DocsFiles.docs().resolve("requirements.json"));
        Set<String> unknown = new TreeSet<>();
        coverage().keySet().stream().filter(id -> !catalog.has(id)).forEach(unknown::add);
        Vectors.invalid().forEach(v -> {
            if (!catalog.has(v.rule())) {
                unknown.add(v.rule() + " (vector " + v.name() + ")");
            }
        });
        assertThat(unknown).as("requirement IDs named by tests or vectors but absent from docs/requirements.json").isEmpty();
        List<String> unnamed = new ArrayList<>();
        for (Class<?> c : testClasses()) {
            assertThat(c.isAnnotationPresent(ConformanceTest.class)).as(c.getName() + " is a requirement test class: @ConformanceTest").isTrue();
            for (Method m : testMethods(c)) {
                if (!m.isAnnotationPresent(Requirement.class) && !m.isAnnotationPresent(AdapterContract.class)) {
                    unnamed.add(c.getSimpleName() + "#" + m.getName());
                }
            }
        }
        assertThat(unnamed).as("requirement tests without @Requirement or @AdapterContract").isEmpty();
    }

    @Test
    void theCoverageMapIsPrintedForTheReport() throws Exception {
        Map<String, List<String>> coverage = coverage();
        assertThat(coverage).isNotEmpty();
        Path out = DocsFiles.module().resolve("target").resolve("requirement-coverage.txt");
        Files.createDirectories(out.getParent());
        StringBuilder sb = new StringBuilder();
        coverage.forEach((id, tests) -> sb.append(id).append(": ").append(String.join(", ", tests)).append('\n'));
        Files.writeString(out, sb.toString());
    }

    /** Requirement ID to the test classes (and methods) that name it. */
    static Map<String, List<String>> coverage() throws IOException, ReflectiveOperationException, URISyntaxException {
        Map<String, List<String>> map = new TreeMap<>();
        for (Class<?> c : testClasses()) {
            for (Method m : testMethods(c)) {
                Requirement r = m.getAnnotation(Requirement.class);
                if (r != null) {
                    for (String id : r.value()) {
                        map.computeIfAbsent(id, k -> new ArrayList<>()).add(c.getName().substring(ROOT.length()) + "#" + m.getName());
                    }
                }
            }
        }
        return map;
    }

    private static List<Method> testMethods(Class<?> c) {
        List<Method> out = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(TestFactory.class)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Classes named *Test in the requirement packages of the suite's main classes. */
    static List<Class<?>> testClasses() throws IOException, ClassNotFoundException, URISyntaxException {
        Path classes = Path.of(Requirement.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path base = classes.resolve("dev/snow/conformance");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : files.filter(f -> f.toString().endsWith("Test.class")).sorted().collect(Collectors.toList())) {
                String rel = base.relativize(p).toString();
                if (!rel.contains("/") || NOT_TESTS.contains(rel.substring(0, rel.indexOf('/')))) {
                    continue;
                }
                out.add(Class.forName(ROOT + rel.replace('/', '.').replace(".class", "")));
            }
        }
        assertThat(out).as("requirement test classes found under " + base).hasSizeGreaterThan(10);
        return out;
    }
}
