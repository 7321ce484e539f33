package dev.snow.conformance.harness;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Ties requirement tests to the run: resolves {@link Iut} (shared, or fresh per
 * {@link FreshIut}) and {@link Tester} parameters; for each test and each dynamic case opens a
 * scope whose wire transcript, adapter exchange and stderr are written to
 * {@code <output>/tests/<key>/} (the Allure results attach them); applies the expectations
 * (xfail, XPASS), turns SHOULD failures into warnings and INFO tests into informational
 * findings.
 */
public final class ConformanceExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver, InvocationInterceptor {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConformanceExtension.class);

    // ------------------------------------------------------------------ parameters

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> t = p.getParameter().getType();
        return t == Iut.class || t == Tester.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Tester tester = tester(c);
        if (p.getParameter().getType() == Tester.class) {
            return tester;
        }
        Iut iut = iutFor(c);
        tester.attach(iut);
        return iut;
    }

    private static Tester tester(ExtensionContext c) {
        return c.getStore(NS).getOrComputeIfAbsent("tester", k -> new Tester(RunContext.current()), Tester.class);
    }

    private static Iut iutFor(ExtensionContext c) {
        Optional<FreshIut> onMethod = c.getTestMethod().map(m -> m.getAnnotation(FreshIut.class));
        if (onMethod.isPresent()) {
            return c.getStore(NS).getOrComputeIfAbsent("fresh-method", k -> new FreshNode(onMethod.get(), c), FreshNode.class).get();
        }
        FreshIut onClass = c.getRequiredTestClass().getAnnotation(FreshIut.class);
        if (onClass != null) {
            ExtensionContext owner = c.getParent().orElseThrow();
            return owner.getStore(NS).getOrComputeIfAbsent("fresh-class", k -> new FreshNode(onClass, owner), FreshNode.class).get();
        }
        return RunContext.current().sharedIut();
    }

    /** A node started for one class or method with its own settings; the start outcome is kept. */
    static final class FreshNode implements AutoCloseable {
        private final Iut iut;
        private final RuntimeException failure;

        FreshNode(FreshIut spec, ExtensionContext c) {
            RunContext run = RunContext.current();
            String label = c.getTestMethod().map(Method::getName).orElse(c.getRequiredTestClass().getSimpleName());
            Iut started = null;
            RuntimeException failed = null;
            try {
                started = Iut.start(run.implementation(), label, options(spec, run));
            } catch (RuntimeException e) {
                failed = e;
            }
            this.iut = started;
            this.failure = failed;
        }

        Iut get() {
            if (failure != null) {
                throw failure;
            }
            return iut;
        }

        @Override
        public void close() {
            if (iut != null) {
                iut.close();
            }
        }

        static NodeOptions options(FreshIut s, RunContext run) {
            String name = s.name().isEmpty() ? run.uniqueName("iut", 0) : s.name();
            NodeOptions o = NodeOptions.of(name, s.cookie().isEmpty() ? run.cookie() : s.cookie());
            if (s.listenWhereNameSays()) {
                o = o.withoutListenAddress();
            }
            o = o.withCreation(s.creation() == -1 ? Integer.valueOf(RunContext.SUITE_CREATION) : s.creation() == 0 ? null : s.creation());
            if (s.heartbeatIntervalMs() > 0 || s.heartbeatTimeoutMs() > 0) {
                o = new NodeOptions(o.name(), o.cookie(), o.host(), o.port(), o.creation(), positive(s.heartbeatIntervalMs()),
                        positive(s.heartbeatTimeoutMs()), o.handshakeTimeoutMs(), o.maxNodeId(), o.maxPendingHandshakes(), o.profile());
            }
            if (!s.profile().isEmpty()) {
                o = o.withProfile(s.profile());
            }
            return o.withHandshakeTimeoutMs(positive(s.handshakeTimeoutMs()))
                    .withMaxNodeId(positive(s.maxNodeId()))
                    .withMaxPendingHandshakes(positive(s.maxPendingHandshakes()));
        }

        private static Integer positive(int v) {
            return v > 0 ? v : null;
        }
    }

    // ------------------------------------------------------------------ scopes

    @Override
    public void beforeEach(ExtensionContext c) {
        String key = TestKey.of(c.getRequiredTestClass(), c.getRequiredTestMethod());
        tester(c).begin(key);
    }

    @Override
    public void afterEach(ExtensionContext c) {
        finish(tester(c), c);
    }

    private static void finish(Tester tester, ExtensionContext c) {
        Tester.Scope s = tester.end();
        RunContext run = RunContext.current();
        List<String> adapterTexts = new ArrayList<>();
        for (Tester.Attached a : s.iuts) {
            AdapterLog log = a.iut().adapter().log();
            String exchange = log.exchange(a.logMark());
            String stderr = log.stderr(a.logMark());
            for (String secret : List.of(a.iut().cookie())) {
                if (exchangeFromAdapter(log, a.logMark()).contains(secret) || stderr.contains(secret)) {
                    run.cookieLeak("in the adapter output of " + a.iut().adapter().label() + " during " + s.key);
                }
            }
            adapterTexts.add("# adapter " + a.iut().adapter().label() + " (" + a.iut().adapter().command() + ")\n"
                    + "## JSON exchange (> suite to adapter, < adapter to suite)\n" + exchange + "## stderr\n" + stderr);
        }
        String wire = s.transcript.text();
        String adapter = String.join("\n", adapterTexts);
        write(run.output().resolve("tests").resolve(TestKey.fileName(s.key)), wire, adapter);
        for (String n : s.notes) {
            c.publishReportEntry(Map.of("note", n));
        }
        if (s.informational != null) {
            c.publishReportEntry(Map.of("informational", s.informational));
        }
    }

    private static String exchangeFromAdapter(AdapterLog log, int mark) {
        StringBuilder sb = new StringBuilder();
        for (AdapterLog.Line l : log.since(mark)) {
            if (l.stream() == AdapterLog.Stream.STDOUT) {
                sb.append(l.text()).append('\n');
            }
        }
        return sb.toString();
    }

    private static void write(Path dir, String wire, String adapter) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("wire.txt"), wire, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("adapter.txt"), adapter, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("conformance: cannot write test artifacts to " + dir + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ verdicts

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ic, ExtensionContext c) throws Throwable {
        judge(TestKey.of(c.getRequiredTestClass(), ic.getExecutable()), requirementIds(ic.getExecutable()), invocation, c);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ic, ExtensionContext c) throws Throwable {
        judge(TestKey.of(c.getRequiredTestClass(), ic.getExecutable()), requirementIds(ic.getExecutable()), invocation, c);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext ic, ExtensionContext c) throws Throwable {
        ExtensionContext factory = c.getParent().orElseThrow();
        String key = TestKey.ofCase(TestKey.of(factory.getRequiredTestClass(), factory.getRequiredTestMethod()), c.getDisplayName());
        List<String> ids = TestKey.idsInDisplayName(c.getDisplayName());
        Tester tester = tester(factory);
        tester.begin(key);
        try {
            judge(key, ids, invocation, c);
        } finally {
            finish(tester, c);
        }
    }

    private static void judge(String key, List<String> ids, Invocation<Void> invocation, ExtensionContext c) throws Throwable {
        RunContext run = RunContext.current();
        Expectations.Entry expected = run.expectations().lookup(key);
        String level = Reporting.level(ids);
        try {
            invocation.proceed();
        } catch (TestAbortedException aborted) {
            throw aborted;
        } catch (Throwable failure) {
            if (expected != null) {
                throw new ExpectedFailure(expected.reason(), failure);
            }
            if ("SHOULD".equals(level)) {
                throw new ShouldDeviation(failure);
            }
            if ("INFO".equals(level)) {
                c.publishReportEntry(Map.of("informational", "not demonstrated: " + failure.getMessage()));
                return;
            }
            throw failure;
        }
        if (expected != null) {
            throw new UnexpectedPass(key, expected.reason(), run.expectations().source());
        }
    }

    static List<String> requirementIds(Method m) {
        Requirement r = m.getAnnotation(Requirement.class);
        return r == null ? List.of() : List.of(r.value());
    }
}
