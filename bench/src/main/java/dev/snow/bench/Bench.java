package dev.snow.bench;

import dev.snow.ref.transport.TlsContexts;
import dev.snow.ref.transport.TlsProvider;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar bench/target/snow-bench.jar [setup|idle|all]}: runs the benchmarks and prints
 * a Markdown summary (with the machine's load average: this machine is shared, so compare
 * ratios within one run, not absolute numbers across runs).
 */
@Command(name = "snow-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Snow reference node benchmarks: connection setup vs a bare JSSE TLS 1.3 handshake, idle sessions.")
public final class Bench implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", defaultValue = "all", paramLabel = "setup|idle|all|source|guess|flood|model",
            description = "What to run (default ${DEFAULT-VALUE}); source = guess + flood + model (issue 14's attacks, LIM-5/LIM-6), not part of all.")
    String what;

    @Option(names = "--providers", split = ",", defaultValue = "jdk,openssl",
            description = "TLS providers for the setup benchmark (default ${DEFAULT-VALUE}).")
    List<String> providers;

    @Option(names = "--rust-node", defaultValue = "implementations/rust-node/target/release/snow-rust-node",
            description = "The Rust node's executable for its setup row (default ${DEFAULT-VALUE}); left out, with one line, where missing.")
    java.nio.file.Path rustNode;

    @Option(names = "--latency-samples", defaultValue = "2000")
    int latencySamples;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent client nodes for the setup rate.")
    int clients;

    @Option(names = "--warm-up", defaultValue = "15", description = "Warm-up seconds before each measurement.")
    int warmUpSeconds;

    @Option(names = "--window", defaultValue = "15", description = "Seconds each rate is measured over.")
    int windowSeconds;

    @Option(names = "--sessions", defaultValue = "10000", description = "Idle sessions to hold.")
    int sessions;

    @Option(names = "--idle-provider", defaultValue = "jdk", description = "TLS provider for the idle benchmark.")
    String idleProvider;

    @Option(names = "--heartbeat-ms", defaultValue = "10000", description = "Heartbeat interval of the idle benchmark.")
    long heartbeatMs;

    @Option(names = "--idle-window", defaultValue = "30", description = "Seconds the idle sessions are held and measured.")
    int idleWindowSeconds;

    @Option(names = "--node-heap", defaultValue = "512m", description = "-Xmx of the node under test.")
    String nodeHeap;

    @Option(names = "--node-jvm-arg", description = "Extra JVM argument for the node under test (repeatable), e.g. a JFR recording.")
    List<String> nodeJvmArgs = new ArrayList<>();

    @Option(names = "--source-warm-up", defaultValue = "5", description = "Source bench: seconds before each window (default ${DEFAULT-VALUE}).")
    int sourceWarmUp;

    @Option(names = "--source-window", defaultValue = "10", description = "Source bench: seconds each figure is measured over (default ${DEFAULT-VALUE}).")
    int sourceWindow;

    @Option(names = "--source-tls", defaultValue = "openssl", description = "Source bench: TLS provider (default ${DEFAULT-VALUE}).")
    String sourceTls;

    @Option(names = "--good-clients", defaultValue = "8", description = "Flood: good client nodes on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int goodClients;

    @Option(names = "--flood-rate", defaultValue = "16000", description = "Flood: plain TCP connects/s asked of the flooder from 127.0.0.2;"
            + " a little over the 15,000 of issue 14, so that 15,000 are offered where the machine allows (default ${DEFAULT-VALUE}).")
    double floodRate;

    @Option(names = "--flooder", defaultValue = "native", description = "Flood: native (a small C program built with cc at first use;"
            + " the JVM flood where there is no cc) or java (default ${DEFAULT-VALUE}).")
    String flooder;

    @Option(names = "--flood-threads", defaultValue = "3", description = "Flood: selector loops (java) or processes (native) connecting from 127.0.0.2, the rate split between them (default ${DEFAULT-VALUE}).")
    int floodThreads;

    @Option(names = "--flood-inflight", defaultValue = "4000", description = "Java flood: open sockets per loop at most, the descriptor budget;"
            + " capped to fit ulimit -n (default ${DEFAULT-VALUE}).")
    int floodInflight;

    @Option(names = "--flood-hold-ms", defaultValue = "400", description = "Flood: a connection the node has not closed by then is reset"
            + " by the flooder (default ${DEFAULT-VALUE}).")
    long floodHoldMs;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        out.println("[bench] " + Machine.describe() + "; openssl usable: " + TlsContexts.openSslUsable());
        List<String> nodeJvm = new ArrayList<>();
        nodeJvm.add("-Xmx" + nodeHeap);
        nodeJvm.addAll(nodeJvmArgs);
        List<SetupBench.Row> rows = new ArrayList<>();
        IdleBench.Result idle = null;
        if (what.equals("setup") || what.equals("all")) {
            List<TlsProvider> ps = providers.stream().map(TlsProvider::parse).toList();
            java.nio.file.Path rust = java.nio.file.Files.isExecutable(rustNode) ? rustNode : null;
            if (rust == null) {
                out.println("[bench] SKIPPED the Rust node row: " + rustNode.toAbsolutePath() + " is missing (build implementations/rust-node)");
            }
            rows = new SetupBench(new SetupBench.Options(latencySamples, Duration.ofSeconds(warmUpSeconds),
                    Duration.ofSeconds(windowSeconds), clients, ps, nodeJvm, rust), out).run();
        }
        if (what.equals("idle") || what.equals("all")) {
            idle = new IdleBench(new IdleBench.Options(sessions, TlsProvider.parse(idleProvider), Duration.ofMillis(heartbeatMs),
                    Duration.ofMillis(Math.max(1000, heartbeatMs / 2)), Duration.ofSeconds(idleWindowSeconds), 64, nodeJvm), out).run();
        }
        if (what.equals("model")) {
            List<FloodModel.Result> model = new SourceBench(new SourceBench.Options(Duration.ZERO, Duration.ZERO,
                    TlsProvider.JDK, nodeJvm), out).model();
            SourceBench.printModel(out, model);
            return 0;
        }
        if (what.equals("source") || what.equals("guess") || what.equals("flood")) {
            if (floodRate <= 0 || floodThreads < 1 || floodInflight < 1 || floodHoldMs < 1) {
                System.err.println("snow-bench: --flood-rate, --flood-threads, --flood-inflight and --flood-hold-ms must be positive");
                return 2;
            }
            if (!flooder.equals("native") && !flooder.equals("java")) {
                System.err.println("snow-bench: --flooder must be native or java, was " + flooder);
                return 2;
            }
            SourceBench sb = new SourceBench(new SourceBench.Options(Duration.ofSeconds(sourceWarmUp),
                    Duration.ofSeconds(sourceWindow), TlsProvider.parse(sourceTls), nodeJvm), out);
            List<SourceBench.GuessRow> guesses = what.equals("flood") ? List.of() : sb.guessing();
            FloodBench.Options fo = new FloodBench.Options(Duration.ofSeconds(sourceWarmUp), Duration.ofSeconds(sourceWindow),
                    TlsProvider.parse(sourceTls), goodClients, floodRate, flooder, floodThreads,
                    Descriptors.floodBudget(floodThreads, floodInflight, out), floodHoldMs, nodeJvm);
            List<FloodBench.Row> floods = what.equals("guess") ? List.of() : new FloodBench(fo, out).run();
            out.println();
            out.println("Machine: " + Machine.describe());
            List<FloodModel.Result> model = what.equals("guess") ? List.of() : sb.model();
            SourceBench.print(out, guesses, Duration.ofSeconds(sourceWindow));
            FloodBench.print(out, floods, fo);
            SourceBench.printModel(out, model);
            return 0;
        }
        Report.print(out, rows, idle, clients, heartbeatMs, idleWindowSeconds, nodeHeap);
        return 0;
    }
}
