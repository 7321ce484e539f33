package dev.snow.conformance.cli;

import dev.snow.conformance.harness.ConfigError;
import dev.snow.conformance.harness.ConformanceConfig;
import dev.snow.conformance.harness.DefaultIut;
import dev.snow.conformance.harness.Expectations;
import dev.snow.conformance.harness.Implementation;
import dev.snow.conformance.harness.RequirementCatalog;
import dev.snow.conformance.harness.RunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snow-conformance}: judges one or more implementations that speak docs/ADAPTER.md.
 * Exit status 0 when every outcome is as expected, 1 on an unexpected failure, an XPASS or an
 * expectation that matched nothing, 2 on bad configuration or an adapter that cannot run.
 */
@Command(name = "snow-conformance", mixinStandardHelpOptions = true, version = "snow-conformance 0.1.0",
        sortOptions = false,
        description = {
            "Runs the Snow conformance suite against implementations that speak",
            "docs/ADAPTER.md and prints, per implementation, a verdict for every",
            "requirement of docs/requirements.json.",
            "",
            "Without --iut or --config it judges what conformance/conformance.yaml",
            "lists, or else the reference node (bin/snow-node --adapter).",
            "Exit status: 0 as expected, 1 unexpected outcomes, 2 bad configuration",
            "or an adapter that cannot run.",
            ""},
        footer = {"", "Results: <output>/<implementation>/: summary.txt, junit/, and",
            "tests/<test>/wire.txt and adapter.txt; Allure results in",
            "allure.results.directory. See docs/CONFORMANCE.md."})
public final class ConformanceMain implements Callable<Integer> {
    @Option(names = "--iut", paramLabel = "<command>", description = "Adapter command of the implementation to judge (run with /bin/sh -c in the project root).")
    private String iut;

    @Option(names = "--name", paramLabel = "<name>", description = "Name of the --iut implementation in reports (default: iut).")
    private String name;

    @Option(names = "--expectations", paramLabel = "<file>", description = "Expectations file for --iut (expected failures with reasons).")
    private String expectations;

    @Option(names = "--config", paramLabel = "<conformance.yaml>", description = "Implementations to judge, each with command, expectations and options.")
    private String config;

    @Option(names = "--select", paramLabel = "<tests>", split = ",",
            description = "Only these tests: packages, classes or Class#method relative to dev.snow.conformance (sanity tests always run).")
    private List<String> select;

    @Option(names = "--timeout-scale", paramLabel = "<factor>", description = "Multiply the suite's deadlines for --iut (not the protocol's windows).")
    private Double timeoutScale;

    @Option(names = "--root", paramLabel = "<dir>", description = "Project root (default: found from the working directory).")
    private String root;

    @Option(names = "--output", paramLabel = "<dir>", description = "Where results go (default: <root>/conformance-suite/target/conformance).")
    private String output;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args) {
        String[] cleaned = Arrays.stream(args).filter(a -> !a.matches("--[a-z-]+=\\s*")).toArray(String[]::new);
        CommandLine cl = new CommandLine(new ConformanceMain());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigError) {
                System.err.println("snow-conformance: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(cleaned);
    }

    @Override
    public Integer call() throws IOException {
        Path rootDir = blank(root) ? RunContext.findRoot() : Path.of(root).toAbsolutePath().normalize();
        System.setProperty("conformance.root", rootDir.toString());
        List<Implementation> impls = implementations(rootDir);
        for (Implementation i : impls) {
            if (i.expectations() != null) {
                Expectations.load(i.expectations());
            }
            SuiteRunner.request(i.select());
        }
        Path outDir = blank(output) ? rootDir.resolve("conformance-suite/target/conformance") : userPath(output, rootDir);
        Path allureDir = allureResults();
        AllureLifecycle allure = new AllureLifecycle(new FileSystemResultsWriter(allureDir));
        Allure.setLifecycle(allure);
        RequirementCatalog catalog = RequirementCatalog.bundled();
        List<ImplementationResult> results = new ArrayList<>();
        for (Implementation impl : impls) {
            out.printf("%n=== %s: %s%n", impl.name(), impl.command());
            ImplementationResult r = new SuiteRunner(allure, out).run(impl, outDir);
            results.add(r);
            String summary = SummaryTable.render(r, catalog);
            Files.writeString(r.output().resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        }
        writeCategories(allureDir);
        out.println();
        for (ImplementationResult r : results) {
            out.print(SummaryTable.render(r, catalog));
        }
        boolean notRun = results.stream().anyMatch(r -> r.error() != null);
        boolean ok = results.stream().allMatch(ImplementationResult::ok);
        out.println(ok ? "snow-conformance: every outcome as expected" : notRun
                ? "snow-conformance: an implementation could not be run (see NOT RUN above)"
                : "snow-conformance: unexpected outcomes (see the summaries above)");
        return notRun ? 2 : ok ? 0 : 1;
    }

    private List<Implementation> implementations(Path rootDir) {
        if (!blank(iut)) {
            Path exp = blank(expectations) ? null : userPath(expectations, rootDir);
            return List.of(new Implementation(blank(name) ? "iut" : name, iut, rootDir, Map.of(), exp,
                    timeoutScale == null ? 1.0 : timeoutScale, select == null ? List.of() : select));
        }
        Path cfg = blank(config) ? rootDir.resolve("conformance/conformance.yaml") : userPath(config, rootDir);
        if (blank(config) && !Files.exists(cfg)) {
            Path exp = rootDir.resolve("conformance/expectations/reference.yaml");
            return List.of(new Implementation("reference", DefaultIut.command(rootDir), rootDir, Map.of(),
                    Files.exists(exp) ? exp : null, 1.0, select == null ? List.of() : select));
        }
        List<Implementation> list = ConformanceConfig.load(cfg, rootDir);
        if (select != null && !select.isEmpty()) {
            List<Implementation> narrowed = new ArrayList<>();
            for (Implementation i : list) {
                narrowed.add(new Implementation(i.name(), i.command(), i.workdir(), i.env(), i.expectations(), i.timeoutScale(), select));
            }
            return narrowed;
        }
        return list;
    }

    /** A path as the user typed it: absolute, else relative to the working directory if it exists there, else to the root. */
    static Path userPath(String p, Path rootDir) {
        Path given = Path.of(p);
        if (given.isAbsolute() || Files.exists(given)) {
            return given.toAbsolutePath().normalize();
        }
        return rootDir.resolve(given).normalize();
    }

    /** Allure categories that name the suite's verdicts, so the report groups them. */
    private static void writeCategories(Path dir) throws IOException {
        String json = "[\n"
                + "  {\"name\": \"Expected failures (xfail, from the expectations file)\", \"matchedStatuses\": [\"skipped\"], \"messageRegex\": \"XFAIL.*\"},\n"
                + "  {\"name\": \"Unsupported by the adapter\", \"matchedStatuses\": [\"skipped\"], \"messageRegex\": \".*unsupported.*\"},\n"
                + "  {\"name\": \"SHOULD not met (warnings)\", \"matchedStatuses\": [\"skipped\"], \"messageRegex\": \"WARNING.*\"},\n"
                + "  {\"name\": \"Stale expectations (XPASS)\", \"matchedStatuses\": [\"failed\", \"broken\"], \"messageRegex\": \"XPASS.*\"},\n"
                + "  {\"name\": \"Requirement failures\", \"matchedStatuses\": [\"failed\", \"broken\"]}\n"
                + "]\n";
        Files.writeString(dir.resolve("categories.json"), json, StandardCharsets.UTF_8);
    }

    /** allure.results.directory (system property, else allure.properties), emptied for this run. */
    private static Path allureResults() throws IOException {
        String dir = System.getProperty("allure.results.directory");
        if (dir == null) {
            Properties p = new Properties();
            try (InputStream in = ConformanceMain.class.getResourceAsStream("/allure.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            dir = p.getProperty("allure.results.directory", "target/allure-results");
        }
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).filter(x -> !x.equals(path)).forEach(x -> x.toFile().delete());
            }
        }
        Files.createDirectories(path);
        return path;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
