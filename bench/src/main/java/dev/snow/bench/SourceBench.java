package dev.snow.bench;

import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.transport.NodeSettings;
import dev.snow.ref.transport.SnowNode;
import dev.snow.ref.transport.TlsProvider;
import dev.snow.ref.transport.TransportResources;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 14's attacks against the node under test (child JVM), each with the defence off and on
 * in the same run:
 * <ul>
 *   <li>guessing (LIM-6): 1 and 4 client nodes with a wrong cookie redial as fast as they can;
 *       guesses/s = cookie proofs the node checked (cookie_mismatch) per second;</li>
 *   <li>eviction (LIM-5): the real flood is {@link FloodBench}'s; {@link #model()} runs the same
 *       attack on the sans-IO cores in virtual time, at rates beyond what this machine offers.</li>
 * </ul>
 */
final class SourceBench {
    record Options(Duration warmUp, Duration window, TlsProvider tls, List<String> nodeJvmArgs) {
    }

    record GuessRow(String throttle, int clients, double guessesPerSecond, double refusedPerSecond) {
    }

    private final Options o;
    private final PrintStream out;

    SourceBench(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    List<GuessRow> guessing() throws Exception {
        List<GuessRow> rows = new ArrayList<>();
        for (int threshold : new int[] {0, 5}) {
            for (int clients : new int[] {1, 4}) {
                rows.add(guess(threshold, clients));
            }
        }
        return rows;
    }

    private GuessRow guess(int threshold, int clients) throws Exception {
        String label = threshold == 0 ? "off" : "LIM-6 after " + threshold + " (1 s doubling to 60 s)";
        out.println("[source] guessing, throttle " + label + ", " + clients + " client(s)");
        try (ChildNode server = new ChildNode(o.nodeJvmArgs(), o.tls(), 60_000, 15_000, 64,
                List.of("16", Integer.toString(threshold)));
             TransportResources res = TransportResources.create(o.tls(), 2, 0)) {
            List<Looper> loopers = new ArrayList<>();
            List<SnowNode> nodes = new ArrayList<>();
            Recorder recorder = new Recorder();
            for (int i = 0; i < clients; i++) {
                loopers.add(startLooper("guesser" + i, "not-the-cookie", server, res, recorder, nodes));
            }
            Thread.sleep(o.warmUp().toMillis());
            Map<String, Long> s0 = server.quickStats();
            Thread.sleep(o.window().toMillis());
            Map<String, Long> s1 = server.quickStats();
            stop(loopers, nodes);
            double seconds = (s1.get("wall_ns") - s0.get("wall_ns")) / 1e9;
            GuessRow row = new GuessRow(label, clients, (s1.get("mismatch") - s0.get("mismatch")) / seconds,
                    (s1.get("lim6") - s0.get("lim6")) / seconds);
            out.printf("[source]   %.1f guesses/s checked, %.0f connections/s refused at accept%n",
                    row.guessesPerSecond(), row.refusedPerSecond());
            return row;
        }
    }

    /**
     * {@link FloodModel} at 15,000 and 50,000 connects/s, LIM-5 off and on: 5 ms TLS and 1 ms per
     * message (a 9 ms setup, about what this shared machine's node takes under load).
     */
    List<FloodModel.Result> model() throws Exception {
        List<FloodModel.Result> rows = new ArrayList<>();
        for (double rate : new double[] {15_000, 50_000}) {
            for (int perSource : new int[] {0, NodeConfig.DEFAULT_MAX_PENDING_PER_SOURCE}) {
                FloodModel.Result r = FloodModel.run(rate, perSource, 5_000_000, 1_000_000, 2_000_000_000L);
                out.printf("[source] model: %.0f connects/s, per-source %d: good %d ok / %d failed (%.1f %%)%n",
                        rate, perSource, r.good(), r.failed(), r.share());
                rows.add(r);
            }
        }
        return rows;
    }

    private static Looper startLooper(String alive, String cookie, ChildNode server, TransportResources res,
                                      Recorder recorder, List<SnowNode> nodes) throws Exception {
        Looper looper = new Looper(BenchNode.NAME, server.address, recorder);
        NodeConfig config = NodeConfig.builder(alive + "@127.0.0.1", cookie).creation(1).build();
        SnowNode node = SnowNode.start(NodeSettings.of(config).dialOnly().withTls(res.tls().provider()), res, looper);
        nodes.add(node);
        looper.start(node);
        return looper;
    }

    private static void stop(List<Looper> loopers, List<SnowNode> nodes) {
        loopers.forEach(Looper::stop);
        nodes.forEach(SnowNode::stop);
    }

    static void printModel(PrintStream out, List<FloodModel.Result> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("| flood model (cores in virtual time, 2 s; " + FloodModel.GOOD + " good nodes looping 5 ms TLS + 4 x 1 ms) | connects/s | good ok / failed | good share |");
        out.println("|---|---|---|---|");
        for (FloodModel.Result r : rows) {
            out.printf("| %s | %.0f | %d / %d | %.1f %% |%n", r.perSource() == 0 ? "LIM-2 only (per-source off)"
                    : "LIM-5, " + r.perSource() + " per source", r.rate(), r.good(), r.failed(), r.share());
        }
    }

    static void print(PrintStream out, List<GuessRow> guesses, Duration window) {
        out.println();
        if (!guesses.isEmpty()) {
            double base1 = guesses.stream().filter(r -> r.clients() == 1).findFirst().map(GuessRow::guessesPerSecond).orElse(1.0);
            out.println("| online guessing (" + window.toSeconds() + " s window) | clients | guesses/s checked | vs throttle off, 1 client | refused at accept/s |");
            out.println("|---|---|---|---|---|");
            for (GuessRow r : guesses) {
                out.printf("| throttle %s | %d | %.1f | %.3fx | %.0f |%n", r.throttle(), r.clients(), r.guessesPerSecond(),
                        r.guessesPerSecond() / base1, r.refusedPerSecond());
            }
            out.println();
        }
    }
}
