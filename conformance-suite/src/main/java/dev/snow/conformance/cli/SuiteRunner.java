package dev.snow.conformance.cli;

import dev.snow.conformance.harness.AdapterException;
import dev.snow.conformance.harness.AdapterProcess;
import dev.snow.conformance.harness.ConfigError;
import dev.snow.conformance.harness.Expectations;
import dev.snow.conformance.harness.Implementation;
import dev.snow.conformance.harness.RunContext;
import dev.snow.conformance.harness.TestKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the requirement tests against one implementation: checks that its adapter starts and
 * says ready, then one JUnit Platform launch (sanity tests first and last, class order by
 * {@code @Order}) with the progress recorder and Allure; then JUnit XML ({@code <output>/junit/}).
 */
final class SuiteRunner {
    /** Packages that hold no requirement tests. */
    private static final String TEST_CLASSES = "dev\\.snow\\.conformance\\.(?!harness\\.|peer\\.|cli\\.).*Test";

    private final PrintStream out;

    SuiteRunner(PrintStream out) {
        this.out = out;
    }

    ImplementationResult run(Implementation impl, Path outputRoot) {
        return run(impl, outputRoot, r -> { });
    }

    /** As {@link #run(Implementation, Path)}, telling {@code onRecord} of every verdict as it comes. */
    ImplementationResult run(Implementation impl, Path outputRoot, java.util.function.Consumer<TestRecord> onRecord) {
        long t0 = System.nanoTime();
        Path output = outputRoot.resolve(impl.name()).toAbsolutePath().normalize();
        clean(output);
        Expectations expectations = impl.expectations() == null ? Expectations.none() : Expectations.load(impl.expectations());
        AdapterProcess ready;
        try {
            ready = preflight(impl);
        } catch (AdapterException e) {
            return new ImplementationResult(impl, null, e.getMessage(), List.of(), List.of(), millis(t0), output);
        }
        var r = ready.readyLine();
        String info = r.path("implementation").asText("?") + " " + r.path("version").asText("?") + ", adapter " + r.path("adapter").asText();
        out.printf("[%s] adapter ready: %s; command: %s%n", impl.name(), info, impl.command());
        RunRecorder recorder = new RunRecorder(impl.name(), out, onRecord);
        RunContext run = RunContext.begin(impl, output, expectations, ready);
        try {
            String cannotStart = startShared(run, ready);
            if (cannotStart != null) {
                return new ImplementationResult(impl, info, cannotStart, List.of(), List.of(), millis(t0), output, run.seed());
            }
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(recorder)
                    .build());
            launcher.execute(request(impl.select()));
        } finally {
            RunContext.end();
        }
        List<Expectations.Entry> unmatched = expectations.unmatched().stream().filter(e -> selected(impl.select(), e.test())).toList();
        ImplementationResult result = new ImplementationResult(impl, info, null, recorder.records(), unmatched,
                millis(t0), output, run.seed());
        try {
            JunitXmlWriter.write(result, output.resolve("junit"));
        } catch (IOException e) {
            out.println("[" + impl.name() + "] cannot write JUnit XML: " + e.getMessage());
        }
        return result;
    }

    /**
     * Whether a --select run covers a test key (so that its expectation must match): every key
     * when nothing is selected; else a selected package, class or method, or a case of one.
     */
    static boolean selected(List<String> select, String key) {
        if (select.isEmpty()) {
            return true;
        }
        for (String s : select) {
            String sel = s.startsWith(TestKey.ROOT) ? s.substring(TestKey.ROOT.length()) : s;
            if (key.equals(sel) || key.startsWith(sel + "[") || key.startsWith(sel + "#") || key.startsWith(sel + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts the shared node before any test: an adapter that said ready and then exits, or cannot
     * start a node at all, is an implementation that cannot be run (NOT RUN, exit 2), not a
     * string of requirement failures. Returns why, or null when the node started.
     */
    static String startShared(RunContext run, AdapterProcess ready) {
        try {
            run.sharedIut();
            return null;
        } catch (AdapterException e) {
            return ready.isAlive() ? "the adapter could not start a node: " + e.getMessage() : e.getMessage();
        }
    }

    /**
     * The adapter must start and say ready, or the implementation is not run (one clear message);
     * the ready process becomes the shared node's.
     */
    static AdapterProcess preflight(Implementation impl) {
        return AdapterProcess.launch(impl.name(), impl.command(), impl.workdir(), impl.env(),
                impl.timeouts().ready(), List.of());
    }

    static LauncherDiscoveryRequest request(List<String> select) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (select.isEmpty()) {
            selectors.add(DiscoverySelectors.selectPackage("dev.snow.conformance"));
        } else {
            Set<String> all = new LinkedHashSet<>(select);
            all.add("sanity");
            for (String s : all) {
                selectors.add(selector(s));
            }
        }
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(ClassNameFilter.includeClassNamePatterns(TEST_CLASSES))
                .configurationParameters(Map.of(
                        "junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation",
                        "junit.jupiter.displayname.generator.default", "dev.snow.conformance.harness.MethodNames",
                        "junit.jupiter.extensions.autodetection.enabled", "false",
                        "junit.platform.output.capture.stdout", "false"))
                .build();
    }

    /** {@code pkg}, {@code pkg.Class} or {@code pkg.Class#method}, relative to dev.snow.conformance. */
    static DiscoverySelector selector(String s) {
        String full = s.startsWith(TestKey.ROOT) ? s : TestKey.ROOT + s;
        int hash = full.indexOf('#');
        String cls = hash > 0 ? full.substring(0, hash) : full;
        String last = cls.substring(cls.lastIndexOf('.') + 1);
        if (hash < 0 && (last.isEmpty() || !Character.isUpperCase(last.charAt(0)))) {
            if (SuiteRunner.class.getClassLoader().getResource(full.replace('.', '/')) == null) {
                throw new ConfigError("select: no test package \"" + s + "\" (packages are relative to dev.snow.conformance, e.g. digests)");
            }
            return DiscoverySelectors.selectPackage(full);
        }
        Class<?> c;
        try {
            c = Class.forName(cls);
        } catch (ClassNotFoundException e) {
            throw new ConfigError("select: no test class \"" + s + "\" (classes are relative to dev.snow.conformance, e.g. digests.CookieMismatchTest)");
        }
        if (hash < 0) {
            return DiscoverySelectors.selectClass(c);
        }
        String method = full.substring(hash + 1);
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(method)) {
                return DiscoverySelectors.selectMethod(c, m);
            }
        }
        String near = dev.snow.conformance.harness.Suggest.closest(method,
                java.util.Arrays.stream(c.getDeclaredMethods()).map(java.lang.reflect.Method::getName).toList());
        throw new ConfigError("select: " + c.getSimpleName() + " has no test \"" + method + "\"" + (near == null ? "" : "; did you mean \"" + near + "\"?"));
    }

    private static void clean(Path dir) {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException("cannot clean " + dir + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
