package dev.snow.conformance.cli;

import dev.snow.conformance.harness.ConfigError;
import dev.snow.conformance.harness.ConformanceConfig;
import dev.snow.conformance.harness.DefaultIut;
import dev.snow.conformance.harness.Expectations;
import dev.snow.conformance.harness.Implementation;
import dev.snow.conformance.harness.RequirementCatalog;
import dev.snow.conformance.harness.RunContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
            "tests/<test>/wire.txt and adapter.txt; <output>/matrix.html and matrix.md",
            "(requirement x implementation); Allure results in --allure-results.",
            "mvn -B verify -Pconformance renders them into",
            "reports/target/allure-report/index.html. See docs/CONFORMANCE.md."})
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

    @Option(names = "--allure-results", paramLabel = "<dir>",
            description = "Where the Allure results go, emptied first (default: -Dallure.results.directory, else <output>/../allure-results).")
    private String allureResults;

    @Option(names = "--previous-report", paramLabel = "<dir>",
            description = "An earlier Allure report whose history/ carries over (default: <root>/reports/target/allure-report).")
    private String previousReport;

    @Option(names = "--fail-marker", paramLabel = "<file>",
            description = "Build use: write the final message to this file when the exit status is not 0 (removed first).")
    private String failMarker;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args) {
        String[] cleaned = Arrays.stream(args).filter(a -> !a.matches("--[a-z-]+=\\s*")).toArray(String[]::new);
        ConformanceMain main = new ConformanceMain();
        CommandLine cl = new CommandLine(main);
        String[] lastMessage = {null};
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigError) {
                lastMessage[0] = "snow-conformance: " + e.getMessage();
                System.err.println(lastMessage[0]);
                return 2;
            }
            throw e;
        });
        Path marker = markerOf(cleaned);
        try {
            if (marker != null) {
                Files.deleteIfExists(marker);
            }
            int status = cl.execute(cleaned);
            if (marker != null && status != 0) {
                String why = main.finalLine != null ? main.finalLine : lastMessage[0] != null ? lastMessage[0]
                        : "snow-conformance: bad command line";
                Files.createDirectories(marker.toAbsolutePath().getParent());
                Files.writeString(marker, why + " (exit status " + status + ")\n", StandardCharsets.UTF_8);
            }
            return status;
        } catch (IOException e) {
            System.err.println("snow-conformance: cannot write " + marker + ": " + e.getMessage());
            return 2;
        }
    }

    /** The --fail-marker file, read before picocli so that even a usage error can leave it. */
    private static Path markerOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--fail-marker=")) {
                return Path.of(args[i].substring("--fail-marker=".length()));
            }
            if (args[i].equals("--fail-marker") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }

    /** The last line printed, kept for the fail marker. */
    private String finalLine;

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
        Path allureDir = emptied(blank(allureResults) ? defaultAllureResults(outDir) : userPath(allureResults, rootDir));
        RequirementCatalog catalog = RequirementCatalog.bundled();
        List<ImplementationResult> results = new ArrayList<>();
        for (Implementation impl : impls) {
            out.printf("%n=== %s: %s%n", impl.name(), impl.command());
            ImplementationResult r = new SuiteRunner(out).run(impl, outDir);
            results.add(r);
            String summary = SummaryTable.render(r, catalog);
            Files.writeString(r.output().resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        }
        ReportFiles.write(results, catalog, outDir, allureDir, blank(previousReport) ? rootDir.resolve("reports/target/allure-report")
                : userPath(previousReport, rootDir));
        out.println();
        for (ImplementationResult r : results) {
            out.print(SummaryTable.render(r, catalog));
        }
        out.println("matrix:         " + outDir.resolve(RequirementMatrix.HTML) + " (and " + RequirementMatrix.MARKDOWN + ")");
        out.println("allure results: " + allureDir);
        boolean notRun = results.stream().anyMatch(r -> r.error() != null);
        boolean ok = results.stream().allMatch(ImplementationResult::ok);
        finalLine = ok ? "snow-conformance: every outcome as expected" : notRun
                ? "snow-conformance: an implementation could not be run (see NOT RUN above)"
                : "snow-conformance: unexpected outcomes (see the summaries above)";
        out.println(finalLine);
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

    /**
     * -Dallure.results.directory (bin/snow-conformance sets it), else {@code allure-results}
     * beside the output directory: never a path relative to the working directory, so a run
     * with a temporary --output cannot empty a real run's results.
     */
    static Path defaultAllureResults(Path outDir) {
        String dir = System.getProperty("allure.results.directory", "").strip();
        return dir.isEmpty() ? outDir.resolveSibling("allure-results") : Path.of(dir).toAbsolutePath().normalize();
    }

    /** The directory, emptied for this run. */
    private static Path emptied(Path path) throws IOException {
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
