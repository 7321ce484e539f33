package dev.snow.sim.real;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.sim.check.ExpectationVerifier;
import dev.snow.sim.check.Observation;
import dev.snow.sim.check.TraceFormat;
import dev.snow.sim.scenario.Action;
import dev.snow.sim.scenario.LinkSelector;
import dev.snow.sim.scenario.LinkSpec;
import dev.snow.sim.scenario.NetworkSpec;
import dev.snow.sim.scenario.NodeSpec;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.TimedAction;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario against real processes: one adapter process per node boot (spawned and
 * {@code ready} before the run starts, so a boot costs a {@code start}, not a JVM start), one
 * proxy per ordered pair of nodes, the timeline played on the wall clock (scenario time x scale)
 * on one scheduler thread, the adapters' events stamped as they arrive and judged at the end by
 * the simulator's own {@link ExpectationVerifier}, with windows widened or narrowed by the
 * tolerance ({@link Tolerance}).
 */
public final class RealRunner {
    private static final long PROGRESS_NS = 5_000_000_000L;

    private final Scenario scenario;
    private final long seed;
    private final RealOptions opt;
    private final Random rng;
    private final List<String> names = new ArrayList<>();
    private final Node[] nodes;
    private final List<Observation> observations = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final ScheduledExecutorService sched = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "real-timeline");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch done = new CountDownLatch(1);
    private Timeline timeline;
    private LinkProxies links;
    private FaultApi faults;
    private Path logDir;
    private volatile long t0;
    private volatile boolean over;
    private boolean cleaned;

    /** One boot of a node: its own process, port and creation, started before the clock starts. */
    private static final class Boot {
        final int port;
        final int creation;
        Adapter adapter;

        Boot(int port, int creation) {
            this.port = port;
            this.creation = creation;
        }
    }

    /** One scenario node across its boots. */
    private final class Node {
        final NodeSpec spec;
        final int index;
        final List<Boot> boots = new ArrayList<>();
        int next;
        Boot current;
        boolean stopping;
        final TreeMap<String, Long> keep = new TreeMap<>();

        Node(NodeSpec spec) {
            this.spec = spec;
            this.index = spec.index();
        }

        Adapter adapter() {
            return current == null ? null : current.adapter;
        }
    }

    private RealRunner(Scenario scenario, long seed, RealOptions opt) {
        this.scenario = scenario;
        this.seed = seed;
        this.opt = opt;
        this.rng = new Random(seed);
        this.nodes = new Node[scenario.nodes().size()];
        for (NodeSpec n : scenario.nodes()) {
            names.add(n.name());
            nodes[n.index()] = new Node(n);
        }
    }

    /** Runs {@code scenario} with {@code seed} (it draws {@code at} ranges, creations and retry delays). */
    public static RealResult run(Scenario scenario, long seed, RealOptions opt) {
        return new RealRunner(scenario, seed, opt).run();
    }

    private RealResult run() {
        long started = System.nanoTime();
        List<String> notApplied = NotApplicable.of(scenario);
        if (!notApplied.isEmpty()) {
            opt.err().println("real mode: not applied: " + String.join("; ", notApplied));
        }
        try (Timeline tl = new Timeline(opt.timeline())) {
            timeline = tl;
            try {
                prepare();
            } catch (ContainerFaults.DockerUnavailable e) {
                return new RealResult(RealResult.Status.SKIPPED, List.of("testcontainers: " + e.getMessage()), 0, 0);
            }
            play();
            cleanUp();
            RealResult r = judge(started);
            if (!r.passed()) {
                printFailure(r);
            }
            return r;
        } catch (IOException e) {
            cleanUp();
            errors.add(e.getMessage());
            RealResult r = report(new ArrayList<>(errors), started);
            printFailure(r);
            return r;
        } finally {
            cleanUp();
        }
    }

    // ---------------------------------------------------------------- before t0

    private void prepare() throws IOException, ContainerFaults.DockerUnavailable {
        prepared = System.nanoTime();
        logDir = opt.logDir() != null ? Files.createDirectories(opt.logDir()) : Files.createTempDirectory("snow-real-");
        plan();
        int[] ports = new int[nodes.length];
        List<Integer> all = new ArrayList<>();
        for (Node n : nodes) {
            ports[n.index] = n.boots.isEmpty() ? freePort() : n.boots.get(0).port;
            for (Boot b : n.boots) {
                all.add(b.port);
            }
        }
        FaultMode mode = opt.faults().resolve(System.getenv("TOXIPROXY_URL"));
        switch (mode) {
            case URL:
                faults = new UrlFaults(System.getenv("TOXIPROXY_URL") == null ? "" : System.getenv("TOXIPROXY_URL"));
                break;
            case TESTCONTAINERS:
                faults = ContainerFaults.start(all.stream().mapToInt(Integer::intValue).toArray());
                break;
            default:
                faults = EmbeddedFaults.start();
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("scenario", scenario.file());
        header.put("seed", seed);
        header.put("faults", faults.describe());
        header.put("iut", opt.iut());
        header.put("time_scale", opt.timeScale());
        header.put("tolerance_ms", opt.tolerance() / 1_000_000);
        header.put("logs", logDir.toString());
        note(0, "run", null, header);
        links = new LinkProxies(faults, names, ports, line -> note(0, "proxy", null, Map.of("detail", line)));
        for (Node n : nodes) {
            if (!n.spec.settings().started()) {
                links.acceptTo(n.index, false);
            }
        }
        applyNetworkDefaults();
        for (Node n : nodes) {
            for (int i = 0; i < n.boots.size(); i++) {
                n.boots.get(i).adapter = Adapter.spawn(n.spec.name() + "#" + i, opt.iut(),
                        logDir.resolve(LinkProxies.sanitize(n.spec.name()) + "." + i + ".log"));
            }
        }
        for (Node n : nodes) {
            for (Boot b : n.boots) {
                b.adapter.awaitReady();
            }
        }
    }

    private long prepared;
    private TreeMap<Long, List<TimedAction>> byInstant;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Draws the timeline's instants, then walks it to know every boot of every node before the
     * run: each gets a port and a creation (configured, drawn, the action's, or previous + 1 with
     * 255 wrapping to 1), as the simulator gives them.
     */
    private void plan() throws IOException {
        byInstant = new TreeMap<>();
        for (TimedAction ta : scenario.timeline()) {
            long at = ta.randomTime() ? ta.at() + Math.floorMod(rng.nextLong(), ta.atLatest() - ta.at() + 1) : ta.at();
            byInstant.computeIfAbsent(at, k -> new ArrayList<>()).add(ta);
        }
        boolean[] up = new boolean[nodes.length];
        int[] last = new int[nodes.length];
        for (Node n : nodes) {
            if (n.spec.settings().started()) {
                up[n.index] = true;
                last[n.index] = planBoot(n, null, 0);
            }
        }
        for (List<TimedAction> at : byInstant.values()) {
            for (TimedAction ta : at) {
                Action a = ta.action();
                if (a instanceof Action.Start s) {
                    for (String x : s.nodes().nodes()) {
                        Node n = node(x);
                        if (!up[n.index]) {
                            up[n.index] = true;
                            last[n.index] = planBoot(n, s.creation(), last[n.index]);
                        }
                    }
                } else if (a instanceof Action.Restart r) {
                    for (String x : r.nodes().nodes()) {
                        Node n = node(x);
                        up[n.index] = true;
                        last[n.index] = planBoot(n, r.creation(), last[n.index]);
                    }
                } else if (a instanceof Action.Stop s) {
                    s.nodes().nodes().forEach(x -> up[node(x).index] = false);
                } else if (a instanceof Action.Crash c) {
                    c.nodes().nodes().forEach(x -> up[node(x).index] = false);
                }
            }
        }
    }

    private int planBoot(Node n, Integer creation, int previous) throws IOException {
        int c;
        if (creation != null) {
            c = creation;
        } else if (previous == 0) {
            Integer configured = n.spec.settings().creation();
            c = configured != null ? configured : 1 + rng.nextInt(255);
        } else {
            c = previous == 255 ? 1 : previous + 1;
        }
        n.boots.add(new Boot(freePort(), c));
        return c;
    }

    private void applyNetworkDefaults() throws IOException {
        NetworkSpec net = scenario.network();
        List<int[]> every = pairs(LinkSelector.ALL);
        for (int[] p : every) {
            links.set(p[0], p[1], "latency", latencyToxin(net.latency(), net.jitter()));
            links.set(p[0], p[1], "loss", lossToxin(p, net.loss()));
            links.set(p[0], p[1], "bandwidth", bandwidthToxin(net.bandwidth()));
        }
        for (LinkSpec l : scenario.links()) {
            for (int[] p : pairs(l.links())) {
                if (l.latency() != null || l.jitter() != null) {
                    links.set(p[0], p[1], "latency", latencyToxin(l.latency() != null ? l.latency() : net.latency(),
                            l.jitter() != null ? l.jitter() : net.jitter()));
                }
                if (l.loss() != null) {
                    links.set(p[0], p[1], "loss", lossToxin(p, l.loss()));
                }
                if (l.bandwidth() != null) {
                    links.set(p[0], p[1], "bandwidth", bandwidthToxin(l.bandwidth()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- the run

    private void play() throws IOException {
        long duration = wall(scenario.duration());
        long booting = System.nanoTime();
        bootAll();
        t0 = System.nanoTime();
        note(0, "begin", null, Map.of("duration", TraceFormat.seconds(scenario.duration()),
                "prepare_ms", (booting - prepared) / 1_000_000, "boot_ms", (t0 - booting) / 1_000_000));
        sched.execute(() -> guarded("boot", () -> {
            for (Node n : nodes) {
                if (n.spec.settings().started()) {
                    start(n, null);
                }
            }
        }));
        for (Map.Entry<Long, List<TimedAction>> e : byInstant.entrySet()) {
            at(e.getKey(), () -> {
                for (TimedAction ta : e.getValue()) {
                    guarded("line " + ta.line(), () -> act(ta));
                }
            });
        }
        at(scenario.duration(), () -> {
            over = true;
            note(now(), "end", null, Map.of());
            done.countDown();
        });
        boolean progress = duration > 2 * PROGRESS_NS;
        try {
            while (!done.await(progress ? PROGRESS_NS : duration + PROGRESS_NS, TimeUnit.NANOSECONDS)) {
                if (progress) {
                    long t = now();
                    opt.err().printf(Locale.ROOT, "real: %s: %ss of %ss (%d%%), %d events%n", scenario.name(),
                            TraceFormat.seconds(t).replaceAll("\\.(\\d)\\d*", ".$1"),
                            TraceFormat.seconds(scenario.duration()).replaceAll("\\.(\\d)\\d*", ".$1"),
                            100 * t / scenario.duration(), eventCount());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /**
     * Every boot's process gets its {@code start} before the clock starts, side by side: a cold
     * process's first {@code start} (key generation, listener) takes a second or more, which a
     * scenario's instants do not model. A boot listens on its own port and nobody can reach it
     * until its instant comes (its proxies do not exist or are disabled), so starting it early
     * cannot be observed; its {@code start} observation is made at its instant.
     */
    private void bootAll() throws IOException {
        List<Thread> threads = new ArrayList<>();
        for (Node n : nodes) {
            for (Boot b : n.boots) {
                Thread t = new Thread(() -> guarded("start " + n.spec.name(), () -> {
                    var s = n.spec.settings();
                    Map<String, Object> cmd = new LinkedHashMap<>();
                    cmd.put("name", n.spec.name());
                    cmd.put("cookie", s.cookie());
                    cmd.put("host", "127.0.0.1");
                    cmd.put("port", b.port);
                    cmd.put("creation", b.creation);
                    cmd.put("heartbeat_interval_ms", ms(s.heartbeatInterval()));
                    cmd.put("heartbeat_timeout_ms", ms(s.heartbeatTimeout()));
                    cmd.put("handshake_timeout_ms", ms(s.handshakeTimeout()));
                    cmd.put("max_node_id", s.maxNodeId());
                    cmd.put("max_pending_handshakes", s.maxPendingHandshakes());
                    JsonNode r = b.adapter.call("start", cmd);
                    if (r.path("creation").asInt(b.creation) != b.creation) {
                        throw new IOException(n.spec.name() + ": started with creation " + r.path("creation").asInt()
                                + " where the start command asked for " + b.creation);
                    }
                }), "real-boot-" + n.index);
                t.start();
                threads.add(t);
            }
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the nodes");
            }
        }
        if (!errors.isEmpty()) {
            throw new IOException("could not start the nodes: " + String.join("; ", errors));
        }
    }

    private void at(long virtual, Runnable r) {
        long delay = t0 + wall(virtual) - System.nanoTime();
        sched.schedule(r, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private interface Step {
        void run() throws IOException;
    }

    private void guarded(String what, Step s) {
        if (over) {
            return;
        }
        try {
            s.run();
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                errors.add(what + ": " + e.getMessage());
            }
            note(now(), "error", null, Map.of("detail", what + ": " + e.getMessage()));
        }
    }

    private void act(TimedAction ta) throws IOException {
        note(now(), "action", null, Map.of("line", ta.line(), "action", ta.text()));
        Action a = ta.action();
        if (a instanceof Action.Start s) {
            for (String x : s.nodes().nodes()) {
                start(node(x), s.creation());
            }
        } else if (a instanceof Action.Stop s) {
            for (String x : s.nodes().nodes()) {
                stop(node(x));
            }
        } else if (a instanceof Action.Crash c) {
            for (String x : c.nodes().nodes()) {
                crash(node(x), c.wholeHost());
            }
        } else if (a instanceof Action.Restart r) {
            for (String x : r.nodes().nodes()) {
                if (r.orderly()) {
                    stop(node(x));
                } else {
                    crash(node(x), true);
                }
                start(node(x), r.creation());
            }
        } else if (a instanceof Action.Connect c) {
            connect(c);
        } else if (a instanceof Action.Disconnect d) {
            for (String from : d.from().nodes()) {
                for (String to : d.to().nodes()) {
                    if (!from.equals(to)) {
                        disconnect(node(from), to);
                    }
                }
            }
        } else if (a instanceof Action.Partition p) {
            setAll(p.links(), "partition", new LinkProxies.Toxin("timeout", Map.of("timeout", 0)));
        } else if (a instanceof Action.Heal h) {
            setAll(h.links(), "partition", null);
        } else if (a instanceof Action.Hold h) {
            setAll(h.links(), "hold", new LinkProxies.Toxin("latency", Map.of("latency", ToxicMapping.HOLD_MS)));
        } else if (a instanceof Action.Release r) {
            setAll(r.links(), "hold", null);
        } else if (a instanceof Action.Latency l) {
            setAll(l.links(), "latency", latencyToxin(l.latency(), l.jitter()));
        } else if (a instanceof Action.Loss l) {
            for (int[] p : pairs(l.links())) {
                links.set(p[0], p[1], "loss", lossToxin(p, l.rate()));
            }
        } else if (a instanceof Action.Bandwidth b) {
            setAll(b.links(), "bandwidth", bandwidthToxin(b.bitsPerSecond()));
        } else if (a instanceof Action.Flap f) {
            flap(f.links(), f.down(), f.up(), f.until(), now());
        } else if (a instanceof Action.Reset r) {
            links.resetLive(pairs(r.links()), new LinkProxies.Toxin("reset_peer",
                    Map.of("timeout", ToxicMapping.resetTimeoutMs(r.timeout(), opt.timeScale()))));
        } else if (a instanceof Action.Slicer sl) {
            setAll(sl.links(), "slicer", sl.off() ? null : new LinkProxies.Toxin("slicer", Map.of("average_size", sl.averageSize(),
                    "size_variation", sl.sizeVariation(), "delay", ToxicMapping.slicerDelayMicros(sl.delay(), opt.timeScale()))));
        }
        // Skew: named by NotApplicable before the run
    }

    private void flap(LinkSelector sel, long down, long up, long until, long from) throws IOException {
        setAll(sel, "partition", new LinkProxies.Toxin("timeout", Map.of("timeout", 0)));
        long healAt = Math.min(from + down, until);
        at(healAt, () -> guarded("flap heal", () -> {
            setAll(sel, "partition", null);
            if (healAt + up < until) {
                at(healAt + up, () -> guarded("flap", () -> flap(sel, down, up, until, healAt + up)));
            }
        }));
    }

    private void setAll(LinkSelector sel, String kind, LinkProxies.Toxin t) throws IOException {
        for (int[] p : pairs(sel)) {
            links.set(p[0], p[1], kind, t);
        }
    }

    private LinkProxies.Toxin latencyToxin(dev.snow.sim.scenario.LatencySpec spec, long jitter) {
        long[] lj = ToxicMapping.latency(spec, jitter, opt.timeScale());
        return lj[0] == 0 && lj[1] == 0 ? null : new LinkProxies.Toxin("latency", Map.of("latency", lj[0], "jitter", lj[1]));
    }

    private LinkProxies.Toxin lossToxin(int[] pair, double rate) {
        if (rate <= 0) {
            return null;
        }
        if (faults.hasLossToxic()) {
            return new LinkProxies.Toxin("loss", Map.of("rate", rate, "seed", seed * 1_000_003L + pair[0] * 1000L + pair[1]));
        }
        long mean = ToxicMapping.lossMeanDelayMs(rate);
        return new LinkProxies.Toxin("latency", Map.of("latency", mean, "jitter", mean));
    }

    private LinkProxies.Toxin bandwidthToxin(long bitsPerSecond) {
        long rate = ToxicMapping.bandwidthKBps(bitsPerSecond, opt.timeScale());
        return rate == 0 ? null : new LinkProxies.Toxin("bandwidth", Map.of("rate", rate));
    }

    private List<int[]> pairs(LinkSelector sel) {
        return DirectedLinks.of(sel, names);
    }

    // ---------------------------------------------------------------- nodes

    private Node node(String name) {
        return nodes[names.indexOf(name)];
    }

    /** Node {@code n}'s next planned boot comes up: its proxies come to life, it is observed started, it dials its kept peers. */
    private void start(Node n, Integer creationOverride) throws IOException {
        if (n.current != null) {
            note(now(), "skip", n.spec.name(), Map.of("detail", "start: already running"));
            return;
        }
        if (n.next >= n.boots.size()) {
            throw new IOException(n.spec.name() + ": no planned boot left (the timeline walk and the run disagree)");
        }
        int index = n.next++;
        Boot b = n.boots.get(index);
        if (index > 0) {
            links.renew(n.index, b.port);
        } else if (!n.spec.settings().started()) {
            links.acceptTo(n.index, true);
        }
        n.stopping = false;
        b.adapter.onEvent(ev -> onEvent(n, b, ev));
        long t = now();
        synchronized (this) {
            n.current = b;
            observations.add(new Observation.Started(t, n.spec.name(), b.creation));
        }
        note(t, "start", n.spec.name(), Map.of("creation", b.creation, "port", b.port, "boot", index,
                "implementation", b.adapter.implementation()));
        for (String peer : n.keep.keySet()) {
            dial(n, peer);
        }
    }

    private void stop(Node n) throws IOException {
        Boot b = n.current;
        if (b == null) {
            note(now(), "skip", n.spec.name(), Map.of("detail", "stop: not running"));
            return;
        }
        n.stopping = true;
        try {
            b.adapter.call("stop", Map.of());
        } finally {
            long t = now();
            synchronized (this) {
                n.current = null;
                observations.add(new Observation.Stopped(t, n.spec.name(), "stop"));
            }
            note(t, "stop", n.spec.name(), Map.of());
            b.adapter.close();
            links.acceptTo(n.index, false);
        }
    }

    /** {@code host}: the process is frozen (silent: no FIN, no RST); {@code process}: killed, the kernel closes its sockets. */
    private void crash(Node n, boolean host) throws IOException {
        Boot b = n.current;
        if (b == null) {
            note(now(), "skip", n.spec.name(), Map.of("detail", "crash: not running"));
            return;
        }
        synchronized (this) {
            n.current = null;
        }
        if (host) {
            b.adapter.freeze();
        } else {
            b.adapter.kill();
            links.acceptTo(n.index, false);
        }
        long t = now();
        synchronized (this) {
            observations.add(new Observation.Stopped(t, n.spec.name(), host ? "crash host" : "crash process"));
        }
        note(t, "crash", n.spec.name(), Map.of("mode", host ? "host" : "process"));
    }

    private void connect(Action.Connect c) throws IOException {
        List<String> from = c.from().nodes();
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            List<String> targets = c.mesh() ? from.subList(i + 1, from.size()) : c.to().nodes();
            for (String b : targets) {
                if (!from.get(i).equals(b)) {
                    pairs.add(new String[] {from.get(i), b});
                }
            }
        }
        long now = now();
        for (String[] p : pairs) {
            Node n = node(p[0]);
            if (c.retry() > 0) {
                n.keep.put(p[1], c.retry());
            }
            long delay = c.spread() > 0 ? Math.floorMod(rng.nextLong(), c.spread() + 1) : 0;
            if (delay == 0) {
                dial(n, p[1]);
            } else {
                at(now + delay, () -> guarded("connect", () -> dial(n, p[1])));
            }
        }
    }

    private void dial(Node n, String peer) throws IOException {
        Adapter a = n.adapter();
        if (a == null) {
            return;
        }
        String address = links.dialAddress(n.index, names.indexOf(peer));
        note(now(), "connect", n.spec.name(), Map.of("peer", peer, "address", address));
        a.send("connect", Map.of("node", peer, "address", address)).whenComplete((r, e) -> {
            if (r != null && !r.path("ok").asBoolean(false)) {
                note(now(), "reply", n.spec.name(), Map.of("peer", peer, "code", r.path("code").asText(), "detail", r.path("message").asText()));
            }
        });
    }

    private void disconnect(Node n, String peer) throws IOException {
        n.keep.remove(peer);
        Adapter a = n.adapter();
        if (a != null) {
            JsonNode r = a.send("disconnect", Map.of("node", peer)).join();
            note(now(), "disconnect", n.spec.name(), Map.of("peer", peer, "reply", r.path("ok").asBoolean(false) ? "ok" : r.path("code").asText()));
        }
    }

    /** An adapter event, on that adapter's reader thread. */
    private void onEvent(Node n, Boot from, Adapter.Event ev) {
        long t = toVirtual(ev.wallNanos());
        JsonNode j = ev.json();
        String kind = j.path("event").asText();
        Observation o;
        String peer;
        synchronized (this) {
            if (n.current != from || over) {
                return;
            }
            switch (kind) {
                case "node_up":
                    peer = j.path("node").asText();
                    o = new Observation.Up(t, n.spec.name(), peer, j.path("node_id").asInt(), j.path("creation").asInt(),
                            j.path("direction").asText());
                    break;
                case "node_down":
                    peer = j.path("node").asText();
                    o = new Observation.Down(t, n.spec.name(), peer, j.path("node_id").asInt(), j.path("reason").asText());
                    break;
                case "handshake_failed":
                    String p = j.path("peer").asText();
                    peer = p.contains("@") ? p : null;
                    o = new Observation.Failed(t, n.spec.name(), peer, j.path("direction").asText(), j.path("reason").asText());
                    break;
                default:
                    peer = null;
                    o = null;
            }
            if (o != null) {
                observations.add(o);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        j.fields().forEachRemaining(f -> fields.put(f.getKey().equals("node") ? "peer" : f.getKey(), f.getValue()));
        fields.remove("event");
        note(t, kind, n.spec.name(), fields);
        boolean lost = o instanceof Observation.Down || o instanceof Observation.Failed f && "outgoing".equals(f.direction());
        if (lost && peer != null) {
            redialLater(n, peer);
        }
    }

    private void redialLater(Node n, String peer) {
        sched.execute(() -> {
            Long retry = n.keep.get(peer);
            if (retry == null || n.stopping || n.current == null) {
                return;
            }
            long delay = retry + Math.floorMod(rng.nextLong(), retry / 2 + 1);
            Boot boot = n.current;
            at(now() + delay, () -> guarded("retry", () -> {
                if (n.keep.containsKey(peer) && n.current == boot) {
                    dial(n, peer);
                }
            }));
        });
    }

    // ---------------------------------------------------------------- after the run

    private RealResult judge(long started) {
        List<String> failures = new ArrayList<>(errors);
        List<Observation> seen;
        synchronized (this) {
            seen = new ArrayList<>(observations);
        }
        seen.sort(Comparator.comparingLong(Observation::time));
        long tolerance = (long) (opt.tolerance() / opt.timeScale());
        Scenario judged = new Scenario(scenario.file(), scenario.name(), scenario.description(), scenario.seeds(), scenario.duration(),
                scenario.network(), scenario.nodes(), scenario.groups(), scenario.links(), scenario.timeline(),
                Tolerance.apply(scenario.expectations(), tolerance, scenario.duration()), scenario.swarm());
        ExpectationVerifier v = new ExpectationVerifier(judged);
        for (Observation o : seen) {
            if (o.time() <= scenario.duration()) {
                v.observe(o);
            }
        }
        for (ExpectationVerifier.Unmet u : v.finish(scenario.duration())) {
            failures.add(u.describe());
        }
        return report(failures, started);
    }

    private RealResult report(List<String> failures, long started) {
        double wall = (System.nanoTime() - started) / 1e9;
        int events = eventCount();
        if (failures.isEmpty()) {
            return new RealResult(RealResult.Status.PASSED, List.of(), events, wall);
        }
        return new RealResult(RealResult.Status.FAILED, failures, events, wall);
    }

    /** The failure report: what broke, the replay command, where the adapters' logs are, the timeline. */
    private void printFailure(RealResult r) {
        var out = opt.out();
        out.printf(Locale.ROOT, "FAILED %s seed %d in real mode (%.1f s wall, %d events, faults %s)%n", scenario.file(), seed,
                r.wallSeconds(), r.events(), faults == null ? opt.faults().wire() : faults.describe());
        out.println("  replay: " + replayCommand(scenario.file(), seed, opt));
        for (String f : r.failures()) {
            out.println("  " + f);
        }
        if (logDir != null) {
            out.println("  adapter logs (stderr, one file per boot): " + logDir);
        }
        if (timeline != null) {
            out.println("  timeline (t = scenario seconds, wall_ms since the start):");
            timeline.print(out, 300);
        }
    }

    /** The one-line command that runs the same scenario, seed and settings again. */
    public static String replayCommand(String file, long seed, RealOptions opt) {
        StringBuilder b = new StringBuilder("bin/snow-sim run ").append(file).append(" --real --seed ").append(seed)
                .append(" --faults ").append(opt.faults().wire());
        if (!opt.iut().endsWith("bin/snow-node' --adapter")) {
            b.append(" --iut '").append(opt.iut().replace("'", "'\\''")).append("'");
        }
        if (opt.timeScale() != 1.0) {
            b.append(" --time-scale ").append(opt.timeScale());
        }
        if (opt.tolerance() != RealOptions.DEFAULT_TOLERANCE) {
            b.append(" --tolerance ").append(opt.tolerance() / 1_000_000).append("ms");
        }
        return b.toString();
    }

    private synchronized int eventCount() {
        int c = 0;
        for (Observation o : observations) {
            if (!(o instanceof Observation.Started) && !(o instanceof Observation.Stopped)) {
                c++;
            }
        }
        return c;
    }

    private void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        over = true;
        sched.shutdownNow();
        for (Node n : nodes) {
            n.current = null;
            for (Boot b : n.boots) {
                if (b.adapter != null) {
                    b.adapter.kill();
                }
            }
        }
        if (links != null) {
            links.close();
            links = null;
        }
        if (faults != null) {
            try {
                faults.close();
            } catch (IOException e) {
                opt.err().println("real mode: closing the fault server: " + e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- time

    private long wall(long virtual) {
        return (long) (virtual * opt.timeScale());
    }

    private long toVirtual(long wallNanos) {
        return (long) ((wallNanos - t0) / opt.timeScale());
    }

    private long now() {
        return t0 == 0 ? 0 : toVirtual(System.nanoTime());
    }

    private long ms(long virtualNanos) {
        return Math.max(1, Math.round(virtualNanos * opt.timeScale() / 1e6));
    }

    private void note(long t, String kind, String node, Map<String, ?> fields) {
        Timeline tl = timeline;
        if (tl != null) {
            tl.add(t, t0 == 0 ? 0 : (System.nanoTime() - t0) / 1_000_000, kind, node, fields);
        }
    }

    Timeline timeline() {
        return timeline;
    }
}
