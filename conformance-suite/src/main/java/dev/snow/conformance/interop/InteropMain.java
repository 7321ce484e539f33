package dev.snow.conformance.interop;

import dev.snow.conformance.harness.ConfigError;
import dev.snow.conformance.harness.ConformanceConfig;
import dev.snow.conformance.harness.Implementation;
import dev.snow.conformance.harness.RunContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/snow-interop}: the interop matrix over the implementations of conformance.yaml. */
@Command(name = "snow-interop", mixinStandardHelpOptions = true, version = "snow-interop 0.1.0", sortOptions = false,
        description = {
            "Connects real nodes of every implementation in conformance.yaml to each other,",
            "each ordered pair (initiator x acceptor) and each case, and writes the result",
            "matrix. Entries with a planted fault or a test subset do not take part.",
            "Exit status: 0 every cell passes, 1 a cell fails, 2 bad configuration.", ""},
        footer = {"", "Cases: handshake, simultaneous, heartbeat-timeout, replacement, wrong-cookie, hardened,", "profile-mismatch.",
            "Results: <output>/interop.md and <output>/interop.html."})
public final class InteropMain implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "<conformance.yaml>", description = "Implementations (default: <root>/conformance/conformance.yaml).")
    private String config;

    @Option(names = "--root", paramLabel = "<dir>", description = "Project root (default: found from the working directory).")
    private String root;

    @Option(names = "--output", paramLabel = "<dir>", description = "Where interop.md/html go (default: <root>/conformance-suite/target/conformance).")
    private String output;

    @Option(names = "--cases", paramLabel = "<case>", split = ",", description = "Only these cases (default: all).")
    private List<String> cases;

    @Option(names = "--only", paramLabel = "<name>", split = ",", description = "Only these implementations (by name).")
    private List<String> only;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        String[] cleaned = Arrays.stream(args).filter(a -> !a.matches("--[a-z-]+=\\s*")).toArray(String[]::new);
        CommandLine cl = new CommandLine(new InteropMain());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigError || e instanceof IllegalArgumentException) {
                System.err.println("snow-interop: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cl.execute(cleaned));
    }

    @Override
    public Integer call() throws IOException {
        Path rootDir = root == null || root.isBlank() ? RunContext.findRoot() : Path.of(root).toAbsolutePath().normalize();
        Path cfg = config == null || config.isBlank() ? rootDir.resolve("conformance/conformance.yaml") : Path.of(config).toAbsolutePath();
        List<Implementation> impls = InteropMatrix.participants(ConformanceConfig.load(cfg, rootDir, line -> out.println(line.replace("[conformance]", "[interop]"))));
        if (only != null && !only.isEmpty()) {
            List<Implementation> kept = new ArrayList<>();
            for (String name : only) {
                kept.add(impls.stream().filter(i -> i.name().equals(name)).findFirst()
                        .orElseThrow(() -> new ConfigError("--only: no implementation \"" + name + "\" takes part; known: "
                                + impls.stream().map(Implementation::name).toList())));
            }
            impls.clear();
            impls.addAll(kept);
        }
        if (impls.isEmpty()) {
            throw new ConfigError("no implementation takes part in the interop matrix (" + cfg + ")");
        }
        List<InteropCase> selected = new ArrayList<>();
        if (cases == null || cases.isEmpty()) {
            selected.addAll(Arrays.asList(InteropCase.values()));
        } else {
            cases.forEach(c -> selected.add(InteropCase.byId(c)));
        }
        out.printf("snow-interop: %d implementations %s x %d cases%n", impls.size(), impls.stream().map(Implementation::name).toList(), selected.size());
        List<CellResult> results = new InteropMatrix(out).run(impls, selected);
        MatrixReport report = new MatrixReport(results);
        Path outDir = output == null || output.isBlank() ? rootDir.resolve("conformance-suite/target/conformance") : Path.of(output).toAbsolutePath();
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("interop.md"), report.markdown(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("interop.html"), report.html(), StandardCharsets.UTF_8);
        out.println();
        out.print(report.markdown());
        out.println("snow-interop: " + (report.allPassed() ? "every cell passes" : "FAILED cells (see above)") + "; matrix in " + outDir.resolve("interop.md"));
        return report.allPassed() ? 0 : 1;
    }
}
