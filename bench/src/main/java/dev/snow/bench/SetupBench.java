package dev.snow.bench;

import dev.snow.ref.handshake.Profile;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * Connection setup (TCP + TLS 1.3 + NAME, STATUS_CHALLENGE, CHALLENGE_REPLY, CHALLENGE_ACK):
 * <ul>
 *   <li>latency: one client node connects, and on node_up disconnects and connects again;
 *       connect call to node_up, percentiles;</li>
 *   <li>rate: {@code clients} client nodes do the same concurrently; setups per second
 *       accepted (node_up) by the one node under test, and its CPU per setup;</li>
 * </ul>
 * and the same two figures for a bare JSSE TLS 1.3 handshake, measured first in the same run.
 * The Rust node runs twice, base and hardened profile (mutual TLS and bound digests, HARD-1..7;
 * its client nodes then run hardened too), so the hardened profile's cost is a ratio in one run.
 */
final class SetupBench {
    /** {@code rustNode}: the Rust node's executable, or null to leave its row out. */
    record Options(int latencySamples, Duration warmUp, Duration window, int clients, List<TlsProvider> providers,
                   List<String> nodeJvmArgs, java.nio.file.Path rustNode) {
    }

    record Row(String what, Percentiles latency, double perSecond, double serverCpuMsPerSetup, long failures) {
    }

    private final Options o;
    private final PrintStream out;

    SetupBench(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.add(jsse());
        for (TlsProvider p : o.providers()) {
            rows.add(snow(p));
        }
        if (o.rustNode() != null) {
            rows.add(rust(o.providers().get(o.providers().size() - 1), Profile.BASE));
            rows.add(rust(o.providers().get(o.providers().size() - 1), Profile.HARDENED));
        }
        return rows;
    }

    private Row jsse() throws Exception {
        out.println("[setup] bare JSSE TLS 1.3 handshake: warm-up " + o.warmUp().toSeconds() + " s");
        try (JsseBaseline b = new JsseBaseline()) {
            long until = System.nanoTime() + o.warmUp().toNanos();
            while (System.nanoTime() < until) {
                b.handshake(JsseBaseline.clientContext());
            }
            long[] samples = new long[o.latencySamples()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = b.handshake(JsseBaseline.clientContext());
            }
            Percentiles latency = Percentiles.of(samples);
            out.println("[setup] JSSE latency " + latency);
            AtomicLong done = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            AtomicBoolean counting = new AtomicBoolean();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < o.clients(); i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        try {
                            b.handshake(JsseBaseline.clientContext());
                            if (counting.get()) {
                                done.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                }, "jsse-client");
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            Thread.sleep(o.warmUp().toMillis());
            long t0 = System.nanoTime();
            counting.set(true);
            Thread.sleep(o.window().toMillis());
            counting.set(false);
            double rate = done.get() / ((System.nanoTime() - t0) / 1e9);
            running.set(false);
            for (Thread t : threads) {
                t.join(10_000);
            }
            out.printf("[setup] JSSE %d concurrent clients: %.0f handshakes/s%n", o.clients(), rate);
            return new Row("bare JSSE TLS 1.3 handshake (baseline)", latency, rate, Double.NaN, failures.get());
        }
    }

    private Row snow(TlsProvider provider) throws Exception {
        out.println("[setup] snow, TLS provider " + provider.option() + ": node under test in a child JVM " + o.nodeJvmArgs());
        // Every client node dials from 127.0.0.1 (the dialler cannot bind a source address), so the
        // per-source pending limit (LIM-5, 16 by default) would evict the 32 clients' own handshakes
        // and the auth throttle would count them as one source: both off, so this measures setup
        // cost, as the Rust row does. FloodBench and SourceBench measure the limits themselves.
        try (ChildNode server = new ChildNode(o.nodeJvmArgs(), provider, 60_000, 15_000, 1024, List.of("0", "0"))) {
            String label = "snow setup, TLS " + server.tls + (server.tls.equals(provider.option()) ? "" : " (fallback)");
            return measure(label, server, provider, Profile.BASE);
        }
    }

    /** The Rust node (rustls) in {@code profile} under the same load, the client nodes using {@code clientTls} and the same profile. */
    private Row rust(TlsProvider clientTls, Profile profile) throws Exception {
        String name = profile.name().toLowerCase(java.util.Locale.ROOT);
        out.println("[setup] Rust node " + o.rustNode() + " (rustls, " + name + " profile), client nodes on TLS " + clientTls.option());
        try (RustChildNode server = new RustChildNode(o.rustNode(), 1024, name)) {
            String label = profile == Profile.BASE ? "Rust node setup (rustls; clients TLS " + clientTls.option() + ")"
                    : "Rust node setup, hardened profile (mutual TLS; clients TLS " + clientTls.option() + ")";
            return measure(label, server, clientTls, profile);
        }
    }

    private Row measure(String label, ServerUnderTest server, TlsProvider provider, Profile profile) throws Exception {
        try (TransportResources clients = TransportResources.create(provider, 2, 0)) {
            Recorder one = new Recorder();
            List<Looper> loopers = new ArrayList<>();
            List<SnowNode> nodes = new ArrayList<>();
            loopers.add(startLooper(0, provider, clients, server, one, nodes, profile));
            Thread.sleep(o.warmUp().toMillis());
            one.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (one.completed.get() < o.latencySamples() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            one.stop();
            Percentiles latency = Percentiles.of(one.samples());
            out.println("[setup] " + label + " latency " + latency);

            Recorder many = new Recorder();
            loopers.get(0).stop();
            for (int i = 1; i <= o.clients(); i++) {
                loopers.add(startLooper(i, provider, clients, server, many, nodes, profile));
            }
            Thread.sleep(o.warmUp().toMillis());
            Map<String, Long> s0 = server.quickStats();
            many.start();
            Thread.sleep(o.window().toMillis());
            Map<String, Long> s1 = server.quickStats();
            many.stop();
            for (Looper l : loopers) {
                l.stop();
            }
            long setups = s1.get("up") - s0.get("up");
            double seconds = (s1.get("wall_ns") - s0.get("wall_ns")) / 1e9;
            double cpuMs = (s1.get("cpu_ns") - s0.get("cpu_ns")) / 1e6 / Math.max(1, setups);
            double rate = setups / seconds;
            long user = s1.get("user_ticks") - s0.get("user_ticks");
            long sys = s1.get("sys_ticks") - s0.get("sys_ticks");
            out.printf("[setup] %s, %d concurrent client nodes: %.0f setups/s accepted, node CPU %.2f ms per setup"
                    + " (user %d%% / sys %d%%), client-side latency under load %s, failures %d%n", label, o.clients(), rate,
                    cpuMs, 100 * user / Math.max(1, user + sys), 100 * sys / Math.max(1, user + sys),
                    Percentiles.of(many.samples()), many.failed.get() + one.failed.get());
            for (SnowNode n : nodes) {
                n.stop();
            }
            return new Row(label, latency, rate, cpuMs, many.failed.get() + one.failed.get());
        }
    }

    private static Looper startLooper(int i, TlsProvider provider, TransportResources clients, ServerUnderTest server,
                                      Recorder recorder, List<SnowNode> nodes, Profile profile) throws Exception {
        Looper looper = new Looper(BenchNode.NAME, server.address(), recorder);
        NodeConfig config = NodeConfig.builder("client" + i + "@127.0.0.1", BenchNode.COOKIE).creation(1).profile(profile).build();
        SnowNode node = SnowNode.start(NodeSettings.of(config).dialOnly().withTls(provider), clients, looper);
        nodes.add(node);
        looper.start(node);
        return looper;
    }
}
