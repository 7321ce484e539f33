package dev.snow.conformance.cli;

import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.TestKey;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Which requirement tests check which requirement, from their {@link Requirement} annotations
 * (a {@code @TestFactory} counts for the union of its cases). The mutation gate runs a mutant
 * against the tests of its requirements only.
 */
final class TestIndex {
    /** requirement ID -> test keys ({@code pkg.Class#method}), in discovery order. */
    private final Map<String, Set<String>> byRequirement;

    private TestIndex(Map<String, Set<String>> byRequirement) {
        this.byRequirement = byRequirement;
    }

    /** Discovers every requirement test of the suite (no test runs). */
    static TestIndex discover() {
        TestPlan plan = LauncherFactory.create().discover(SuiteRunner.request(List.of()));
        Map<String, Set<String>> map = new TreeMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).ifPresent(m -> {
                    Requirement r = annotation(m);
                    if (r != null) {
                        String key = TestKey.of(m.getClassName(), m.getMethodName());
                        for (String req : r.value()) {
                            map.computeIfAbsent(req, x -> new LinkedHashSet<>()).add(key);
                        }
                    }
                });
            }
        }
        return new TestIndex(map);
    }

    /** The tests of any of {@code requirements}, each once. */
    List<String> testsFor(Collection<String> requirements) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : requirements) {
            out.addAll(byRequirement.getOrDefault(r, Set.of()));
        }
        return new ArrayList<>(out);
    }

    private static Requirement annotation(MethodSource m) {
        try {
            for (Method method : Class.forName(m.getClassName()).getDeclaredMethods()) {
                if (method.getName().equals(m.getMethodName()) && method.isAnnotationPresent(Requirement.class)) {
                    return method.getAnnotation(Requirement.class);
                }
            }
        } catch (ClassNotFoundException e) {
            return null;
        }
        return null;
    }
}
