package dev.snow.conformance.cli;

import dev.snow.conformance.harness.ExpectedFailure;
import dev.snow.conformance.harness.Inconclusive;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.ShouldDeviation;
import dev.snow.conformance.harness.TestKey;
import dev.snow.conformance.harness.UnexpectedPass;
import dev.snow.conformance.harness.UnsupportedByIut;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records the verdict of every requirement test of one implementation's launch and prints one
 * progress line per test as it finishes. A container that fails or aborts (e.g. its IUT could
 * not start) gives its verdict to every test under it that did not run.
 */
final class RunRecorder implements TestExecutionListener {
    private final String implementation;
    private final PrintStream out;
    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, List<String>> notes = new HashMap<>();
    private final Map<String, String> informational = new HashMap<>();
    private final Map<String, TestRecord> records = new LinkedHashMap<>();
    private TestPlan plan;
    private final java.util.function.Consumer<TestRecord> onRecord;

    RunRecorder(String implementation, PrintStream out) {
        this(implementation, out, r -> { });
    }

    /** With {@code onRecord} told of every verdict as it is recorded (the mutation gate's early stop). */
    RunRecorder(String implementation, PrintStream out, java.util.function.Consumer<TestRecord> onRecord) {
        this.implementation = implementation;
        this.out = out;
        this.onRecord = onRecord;
    }

    List<TestRecord> records() {
        return new ArrayList<>(records.values());
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        long n = testPlan.countTestIdentifiers(TestIdentifier::isTest);
        out.printf("[%s] running %d requirement tests (plus the cases of table-driven tests)%n", implementation, n);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((k, v) -> {
            if ("note".equals(k)) {
                notes.computeIfAbsent(id.getUniqueId(), x -> new ArrayList<>()).add(v);
            } else if ("informational".equals(k)) {
                informational.put(id.getUniqueId(), v);
            }
        });
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            record(id, Verdict.SKIPPED, reason);
        } else {
            for (TestIdentifier t : plan.getDescendants(id)) {
                if (t.isTest() && !records.containsKey(t.getUniqueId())) {
                    record(t, Verdict.SKIPPED, reason);
                }
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Verdict v = verdict(id, result);
        String message = result.getThrowable().map(RunRecorder::message).orElse(informational.get(id.getUniqueId()));
        if (id.isTest()) {
            record(id, v, message);
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        boolean any = false;
        for (TestIdentifier t : plan.getDescendants(id)) {
            if (t.isTest() && !records.containsKey(t.getUniqueId())) {
                record(t, v, "not run: " + message);
                any = true;
            }
        }
        if (!any && findMethod(id).isPresent()) {
            record(id, v, message);
        }
    }

    private Verdict verdict(TestIdentifier id, TestExecutionResult r) {
        Throwable t = r.getThrowable().orElse(null);
        switch (r.getStatus()) {
            case SUCCESSFUL:
                return informational.containsKey(id.getUniqueId()) ? Verdict.INFORMATIONAL : Verdict.PASS;
            case ABORTED:
                if (t instanceof UnsupportedByIut) {
                    return Verdict.UNSUPPORTED;
                }
                if (t instanceof Inconclusive) {
                    return Verdict.INCONCLUSIVE;
                }
                if (t instanceof ExpectedFailure) {
                    return Verdict.XFAIL;
                }
                if (t instanceof ShouldDeviation) {
                    return Verdict.WARNING;
                }
                return Verdict.SKIPPED;
            default:
                return t instanceof UnexpectedPass ? Verdict.XPASS : Verdict.FAIL;
        }
    }

    private void record(TestIdentifier id, Verdict v, String message) {
        Long t0 = started.get(id.getUniqueId());
        long millis = t0 == null ? 0 : (System.nanoTime() - t0) / 1_000_000;
        String key = key(id);
        List<String> requirements = v == Verdict.FAIL ? Attribution.of(message, requirements(id)) : requirements(id);
        TestRecord r = new TestRecord(key, id.getDisplayName(), requirements, v, message, millis,
                notes.getOrDefault(id.getUniqueId(), List.of()), System.currentTimeMillis() - millis);
        records.put(id.getUniqueId(), r);
        onRecord.accept(r);
        out.printf("[%s] %-13s %s (%.2f s)%n", implementation, v.label.toUpperCase(java.util.Locale.ROOT), key, millis / 1000.0);
        if (v != Verdict.PASS && message != null) {
            out.println("      " + abbreviate(message.replace('\n', ' '), 400));
        }
        for (String n : r.notes()) {
            out.println("      note: " + abbreviate(n, 400));
        }
    }

    /** The {@link TestKey} of a test or dynamic case. */
    String key(TestIdentifier id) {
        Optional<MethodSource> own = methodSource(id);
        if (own.isPresent()) {
            Optional<TestIdentifier> parent = plan.getParent(id);
            if (parent.isPresent() && methodSource(parent.get()).filter(p -> p.equals(own.get())).isPresent()) {
                return TestKey.ofCase(TestKey.of(own.get().getClassName(), own.get().getMethodName()), id.getDisplayName());
            }
            return TestKey.of(own.get().getClassName(), own.get().getMethodName());
        }
        for (Optional<TestIdentifier> p = plan.getParent(id); p.isPresent(); p = plan.getParent(p.get())) {
            Optional<MethodSource> m = methodSource(p.get());
            if (m.isPresent()) {
                return TestKey.ofCase(TestKey.of(m.get().getClassName(), m.get().getMethodName()), id.getDisplayName());
            }
        }
        return id.getDisplayName();
    }

    private List<String> requirements(TestIdentifier id) {
        List<String> inName = TestKey.idsInDisplayName(id.getDisplayName());
        if (!inName.isEmpty() && methodSource(id).isEmpty()) {
            return inName;
        }
        Optional<Method> m = findMethod(id);
        for (Optional<TestIdentifier> p = plan.getParent(id); m.isEmpty() && p.isPresent(); p = plan.getParent(p.get())) {
            m = findMethod(p.get());
        }
        if (!inName.isEmpty()) {
            return inName;
        }
        return m.map(x -> x.getAnnotation(Requirement.class)).map(r -> List.of(r.value())).orElse(List.of());
    }

    private static Optional<MethodSource> methodSource(TestIdentifier id) {
        Optional<TestSource> s = id.getSource();
        return s.filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    }

    private static Optional<Method> findMethod(TestIdentifier id) {
        Optional<MethodSource> s = methodSource(id);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName(s.get().getClassName());
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(s.get().getMethodName())) {
                    return Optional.of(m);
                }
            }
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return (m == null ? t.getClass().getName() : m);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
