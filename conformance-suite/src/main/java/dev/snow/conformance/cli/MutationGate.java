package dev.snow.conformance.cli;

import dev.snow.conformance.harness.ConfigError;
import dev.snow.conformance.harness.Implementation;
import dev.snow.conformance.harness.RunContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The mutation gate (docs/MUTATION.md): runs the suite against every mutant of the reference
 * node, each against only the tests of the requirements it must break, and against the clean
 * reference on the same tests. Exit 0 when every mutant is killed and the clean reference passes;
 * 1 when a mutant survives (or could not run) or the clean reference fails; 2 on bad usage.
 * Writes mutation.md and mutation.html to the output directory.
 */
@Command(name = "snow-mutation-gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Proves the conformance suite kills every mutant of the reference node.", ""})
public final class MutationGate implements Callable<Integer> {
    @Option(names = "--root", paramLabel = "<dir>", description = "Project root (default: found from the working directory).")
    private String root;

    @Option(names = "--output", paramLabel = "<dir>", description = "Where mutation.md/html and per-mutant results go (default: <root>/conformance-suite/target/conformance).")
    private String output;

    @Option(names = "--only", paramLabel = "<mutants>", split = ",", description = "Only these mutants (names as `bin/snow-mutant --list` prints them).")
    private List<String> only;

    @Option(names = "--launcher", paramLabel = "<command>", defaultValue = "bin/snow-mutant",
            description = "The mutant launcher: `<launcher> --list` prints the registry, `<launcher> <mutant> --adapter` runs one (default ${DEFAULT-VALUE}).")
    private String launcher;

    @Option(names = "--all-tests", description = "Run each mutant's tests to the end, not only up to its first kill (a fuller matrix, slower).")
    private boolean allTests;

    @Option(names = "--no-clean", description = "Skip the clean reference's run on the same tests.")
    private boolean noClean;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        String[] cleaned = Arrays.stream(args).filter(a -> !a.matches("--[a-z-]+=\\s*")).toArray(String[]::new);
        CommandLine cl = new CommandLine(new MutationGate());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigError) {
                System.err.println("snow-mutation-gate: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(cleaned);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path rootDir = root == null || root.isBlank() ? RunContext.findRoot() : Path.of(root).toAbsolutePath().normalize();
        System.setProperty("conformance.root", rootDir.toString());
        Path outDir = output == null || output.isBlank() ? rootDir.resolve("conformance-suite/target/conformance")
                : ConformanceMain.userPath(output, rootDir);
        List<MutantSpec> mutants = select(MutantSpec.parse(list(rootDir)));
        TestIndex index = TestIndex.discover();
        SuiteRunner runner = new SuiteRunner(out);
        Set<String> union = new TreeSet<>();
        List<MutantOutcome> outcomes = new ArrayList<>();
        int i = 0;
        for (MutantSpec m : mutants) {
            List<String> tests = index.testsFor(m.breaks());
            if (tests.isEmpty()) {
                throw new ConfigError("mutant " + m.name() + ": no test carries any of " + m.breaks());
            }
            union.addAll(tests);
            out.printf("%n=== mutation gate %d/%d: %s (must break %s; %d tests)%n", ++i, mutants.size(), m.name(),
                    String.join(", ", m.breaks()), tests.size());
            MutantOutcome o = MutantOutcome.of(m, runner.run(implementation("mutant-" + m.name(), m.name(), rootDir, tests),
                    outDir.resolve("mutants"), r -> stopAtKill(m, r)));
            outcomes.add(o);
            out.printf("=== %s: %s%s%n", m.name(), o.status(), o.killers().isEmpty() ? "" : " by " + o.killers().get(0));
        }
        String clean = "not run (--no-clean)";
        boolean cleanOk = true;
        if (!noClean && !union.isEmpty()) {
            out.printf("%n=== mutation gate: the clean reference (%s none --adapter) on the same %d tests%n", launcher, union.size());
            ImplementationResult r = runner.run(implementation("mutant-none", "none", rootDir, new ArrayList<>(union)), outDir.resolve("mutants"));
            List<String> bad = r.tests().stream().filter(t -> t.verdict().breaksRun).map(TestRecord::key).toList();
            cleanOk = r.error() == null && bad.isEmpty();
            clean = r.error() != null ? "NOT RUN: " + r.error() : bad.isEmpty() ? "passes all " + r.tests().size() + " tests"
                    : "FAILS " + String.join(", ", bad);
        }
        MutationReport.write(outDir, outcomes, clean);
        long survivors = outcomes.stream().filter(o -> o.status().failsGate).count();
        out.printf("%nmutation gate: %s; clean reference: %s; %d s; matrix: %s%n", MutationReport.killLine(outcomes), clean,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), outDir.resolve("mutation.md"));
        for (MutantOutcome o : outcomes) {
            if (o.status() != MutantOutcome.Status.KILLED) {
                if (o.status() == MutantOutcome.Status.STALE) {
                    out.printf("  STALE %s: killed now; remove its registry mark (awaiting %s)%n", o.mutant().name(), o.mutant().awaiting());
                    continue;
                }
                out.printf("  %s %s: %s%s%n", o.status(), o.mutant().name(), o.mutant().defect(),
                        o.error() != null ? " (" + o.error() + ")" : "; failed: " + (o.failed().isEmpty() ? "nothing" : o.failed()));
            }
        }
        return survivors == 0 && cleanOk ? 0 : 1;
    }

    /** A mutant is decided at its first kill: the rest of its tests are skipped (unless --all-tests). */
    private void stopAtKill(MutantSpec m, TestRecord r) {
        if (!allTests && r.verdict() == Verdict.FAIL && r.requirements().stream().anyMatch(m.breaks()::contains)) {
            RunContext.current().decide("mutant " + m.name() + " already killed by " + r.key());
        }
    }

    private Implementation implementation(String name, String mutant, Path rootDir, List<String> tests) {
        return new Implementation(name, launcher + " " + mutant + " --adapter", rootDir,
                Map.of("SNOW_NODE_JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"), null, 1.0, tests);
    }

    private List<MutantSpec> select(List<MutantSpec> all) {
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<MutantSpec> chosen = new ArrayList<>();
        for (String name : only) {
            MutantSpec m = all.stream().filter(x -> x.name().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new ConfigError("--only: no mutant \"" + name + "\"; known: "
                            + all.stream().map(MutantSpec::name).toList()));
            chosen.add(m);
        }
        return chosen;
    }

    /** The registry's lines from {@code <launcher> --list}. */
    private List<String> list(Path rootDir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", launcher + " --list").directory(rootDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new ConfigError("`" + launcher + " --list` failed (exit " + (p.isAlive() ? "none" : p.exitValue())
                    + "); build the mutants with: mvn -q -pl reference-node -am package -DskipTests");
        }
        return text.lines().toList();
    }
}
