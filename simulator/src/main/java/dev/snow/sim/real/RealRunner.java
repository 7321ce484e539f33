package dev.snow.sim.real;

import dev.snow.sim.check.TraceFormat;
import dev.snow.sim.scenario.Action;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.TimedAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario against real processes: one adapter process per node boot (spawned and
 * {@code ready} before the run starts, so a boot costs a {@code start}, not a JVM start), one
 * proxy per ordered pair of nodes, the timeline played on the wall clock (scenario time x scale)
 * on one scheduler thread, the adapters' events stamped as they arrive and judged at the end by
 * the simulator's own expectation checks ({@link RealVerdict}).
 *
 * <p>The parts: {@link BootPlan} (boots, ports, creations), {@link LinkProxies} and {@link
 * LinkFaults} (proxies and toxics), {@link NodeControl} (processes, dials, events), {@link
 * RealVerdict} (judgement and report), all sharing one {@link RunState}.
 */
public final class RealRunner {
    private static final long PROGRESS_NS = 5_000_000_000L;

    private final RunState run;
    private final CountDownLatch done = new CountDownLatch(1);
    private TreeMap<Long, List<TimedAction>> byInstant;
    private LinkProxies links;
    private LinkFaults linkFaults;
    private NodeControl control;
    private FaultApi faults;
    private PacketDrop drop;
    private Path logDir;
    private long prepared;
    private boolean cleaned;

    private RealRunner(Scenario scenario, long seed, RealOptions opt) {
        this.run = new RunState(scenario, seed, opt);
    }

    /** Runs {@code scenario} with {@code seed} (it draws {@code at} ranges, creations and retry delays). */
    public static RealResult run(Scenario scenario, long seed, RealOptions opt) {
        return new RealRunner(scenario, seed, opt).run();
    }

    /** The one-line command that runs the same scenario, seed and settings again. */
    public static String replayCommand(String file, long seed, RealOptions opt) {
        return RealVerdict.replayCommand(file, seed, opt);
    }

    private RealResult run() {
        long started = System.nanoTime();
        List<String> notApplied = NotApplicable.of(run.scenario);
        if (!notApplied.isEmpty()) {
            run.opt.err().println("real mode: not applied: " + String.join("; ", notApplied));
        }
        try (Timeline tl = new Timeline(run.opt.timeline())) {
            run.timeline = tl;
            try {
                prepare();
            } catch (ContainerFaults.DockerUnavailable e) {
                return new RealResult(RealResult.Status.SKIPPED, List.of("testcontainers: " + e.getMessage()), 0, 0);
            }
            play();
            cleanUp();
            RealResult r = RealVerdict.judge(run, started);
            if (!r.passed()) {
                printFailure(r);
            }
            return r;
        } catch (IOException e) {
            cleanUp();
            run.error(e.getMessage());
            RealResult r = RealVerdict.result(run, run.errors(), started);
            printFailure(r);
            return r;
        } finally {
            cleanUp();
        }
    }

    private void printFailure(RealResult r) {
        RealVerdict.printFailure(run, r, faults == null ? run.opt.faults().wire() : faults.describe(), logDir);
    }

    // ---------------------------------------------------------------- before the clock starts

    private void prepare() throws IOException, ContainerFaults.DockerUnavailable {
        prepared = System.nanoTime();
        RealOptions opt = run.opt;
        logDir = opt.logDir() != null ? Files.createDirectories(opt.logDir()) : Files.createTempDirectory("snow-real-");
        byInstant = BootPlan.plan(run);
        int[] ports = new int[run.nodes.length];
        List<Integer> all = new ArrayList<>();
        for (RealNode n : run.nodes) {
            ports[n.index] = n.boots.isEmpty() ? BootPlan.freePort() : n.boots.get(0).port;
            for (RealNode.Boot b : n.boots) {
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
        header.put("scenario", run.scenario.file());
        header.put("seed", run.seed);
        header.put("faults", faults.describe());
        header.put("iut", opt.iut());
        header.put("time_scale", opt.timeScale());
        header.put("tolerance_ms", opt.tolerance() / 1_000_000);
        header.put("logs", logDir.toString());
        run.note(0, "run", null, header);
        if (opt.netfilterLoss()) {
            drop = PacketDrop.open();
            run.note(0, "netfilter", null, Map.of("detail", "loss is nftables drop rules in table inet " + PacketDrop.TABLE));
        }
        links = new LinkProxies(faults, drop, run.names, ports, line -> run.note(0, "proxy", null, Map.of("detail", line)));
        for (RealNode n : run.nodes) {
            if (!n.spec.settings().started()) {
                links.acceptTo(n.index, false);
            }
        }
        linkFaults = new LinkFaults(run, links, faults.hasLossToxic(), drop != null);
        linkFaults.applyDefaults();
        control = new NodeControl(run, links);
        for (RealNode n : run.nodes) {
            for (int i = 0; i < n.boots.size(); i++) {
                n.boots.get(i).adapter = Adapter.spawn(n.name() + "#" + i, opt.iut(),
                        logDir.resolve(LinkProxies.sanitize(n.name()) + "." + i + ".log"));
            }
        }
        for (RealNode n : run.nodes) {
            for (RealNode.Boot b : n.boots) {
                b.adapter.awaitReady();
            }
        }
    }

    // ---------------------------------------------------------------- the run

    private void play() throws IOException {
        Scenario scenario = run.scenario;
        long duration = run.clock.wall(scenario.duration());
        long booting = System.nanoTime();
        control.bootAll();
        run.clock.start();
        long t0 = run.clock.t0();
        run.note(0, "begin", null, Map.of("duration", TraceFormat.seconds(scenario.duration()),
                "prepare_ms", (booting - prepared) / 1_000_000, "boot_ms", (t0 - booting) / 1_000_000));
        run.sched.execute(() -> run.guarded("boot", () -> {
            for (RealNode n : run.nodes) {
                if (n.spec.settings().started()) {
                    control.start(n);
                }
            }
        }));
        for (Map.Entry<Long, List<TimedAction>> e : byInstant.entrySet()) {
            run.at(e.getKey(), () -> {
                for (TimedAction ta : e.getValue()) {
                    run.guarded("line " + ta.line(), () -> act(ta));
                }
            });
        }
        run.at(scenario.duration(), () -> {
            run.over = true;
            run.note(run.now(), "end", null, Map.of());
            done.countDown();
        });
        boolean progress = duration > 2 * PROGRESS_NS;
        try {
            while (!done.await(progress ? PROGRESS_NS : duration + PROGRESS_NS, TimeUnit.NANOSECONDS)) {
                if (progress) {
                    long t = run.now();
                    run.opt.err().printf(Locale.ROOT, "real: %s: %ss of %ss (%d%%), %d events%n", scenario.name(),
                            TraceFormat.seconds(t).replaceAll("\\.(\\d)\\d*", ".$1"),
                            TraceFormat.seconds(scenario.duration()).replaceAll("\\.(\\d)\\d*", ".$1"),
                            100 * t / scenario.duration(), run.eventCount());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** One timeline entry: node actions to {@link NodeControl}, network actions to {@link LinkFaults}. */
    private void act(TimedAction ta) throws IOException {
        run.note(run.now(), "action", null, Map.of("line", ta.line(), "action", ta.text()));
        Action a = ta.action();
        if (a instanceof Action.Start s) {
            for (String x : s.nodes().nodes()) {
                control.start(run.node(x));
            }
        } else if (a instanceof Action.Stop s) {
            for (String x : s.nodes().nodes()) {
                control.stop(run.node(x));
            }
        } else if (a instanceof Action.Crash c) {
            for (String x : c.nodes().nodes()) {
                control.crash(run.node(x), c.wholeHost());
            }
        } else if (a instanceof Action.Restart r) {
            for (String x : r.nodes().nodes()) {
                if (r.orderly()) {
                    control.stop(run.node(x));
                } else {
                    control.crash(run.node(x), true);
                }
                control.start(run.node(x));
            }
        } else if (a instanceof Action.Connect c) {
            control.connect(c);
        } else if (a instanceof Action.Disconnect d) {
            for (String from : d.from().nodes()) {
                for (String to : d.to().nodes()) {
                    if (!from.equals(to)) {
                        control.disconnect(run.node(from), to);
                    }
                }
            }
        } else {
            linkFaults.apply(a);
        }
        // Skew: named by NotApplicable before the run
    }

    // ---------------------------------------------------------------- after the run

    private void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        run.over = true;
        run.sched.shutdownNow();
        for (RealNode n : run.nodes) {
            n.current = null;
            for (RealNode.Boot b : n.boots) {
                if (b.adapter != null) {
                    b.adapter.kill();
                }
            }
        }
        if (drop != null) {
            try {
                run.note(run.now(), "netfilter", null, Map.of("dropped_packets", drop.dropped()));
                drop.close();
            } catch (IOException e) {
                run.opt.err().println("real mode: removing the nftables table: " + e.getMessage());
            }
            drop = null;
        }
        if (links != null) {
            links.close();
            links = null;
        }
        if (faults != null) {
            try {
                faults.close();
            } catch (IOException e) {
                run.opt.err().println("real mode: closing the fault server: " + e.getMessage());
            }
        }
    }
}
