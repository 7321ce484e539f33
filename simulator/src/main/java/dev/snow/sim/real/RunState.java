package dev.snow.sim.real;

import dev.snow.sim.check.Observation;
import dev.snow.sim.scenario.NodeSpec;
import dev.snow.sim.scenario.Scenario;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the parts of one real-mode run share: the scenario, the seed's random draws, the nodes,
 * the clock, the timeline thread, the observations the verdict judges and the errors met on
 * the way. Observations, errors and each node's {@code current} boot are guarded by this
 * object's monitor (adapter reader threads and the timeline thread both touch them).
 */
final class RunState {
    /** A step of the run that may fail; its failure is recorded, not thrown. */
    interface Step {
        void run() throws IOException;
    }

    final Scenario scenario;
    final long seed;
    final RealOptions opt;
    final Random rng;
    final List<String> names = new ArrayList<>();
    final RealNode[] nodes;
    final RunClock clock;
    final ScheduledExecutorService sched = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "real-timeline");
        t.setDaemon(true);
        return t;
    });
    private final List<Observation> observations = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    volatile Timeline timeline;
    volatile boolean over;

    RunState(Scenario scenario, long seed, RealOptions opt) {
        this.scenario = scenario;
        this.seed = seed;
        this.opt = opt;
        this.rng = new Random(seed);
        this.clock = new RunClock(opt.timeScale());
        this.nodes = new RealNode[scenario.nodes().size()];
        for (NodeSpec n : scenario.nodes()) {
            names.add(n.name());
            nodes[n.index()] = new RealNode(n);
        }
    }

    RealNode node(String name) {
        return nodes[names.indexOf(name)];
    }

    long now() {
        return clock.now();
    }

    /** Runs {@code r} on the timeline thread at scenario instant {@code virtual} (at once if it is past). */
    void at(long virtual, Runnable r) {
        long delay = clock.t0() + clock.wall(virtual) - System.nanoTime();
        sched.schedule(r, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code s} unless the run is over; a failure becomes an error of the run and a timeline record. */
    void guarded(String what, Step s) {
        if (over) {
            return;
        }
        try {
            s.run();
        } catch (IOException | RuntimeException e) {
            error(what + ": " + e.getMessage());
            note(now(), "error", null, Map.of("detail", what + ": " + e.getMessage()));
        }
    }

    synchronized void error(String message) {
        errors.add(message);
    }

    synchronized List<String> errors() {
        return new ArrayList<>(errors);
    }

    synchronized void observe(Observation o) {
        observations.add(o);
    }

    /** The observations so far, in time order. */
    synchronized List<Observation> observations() {
        List<Observation> seen = new ArrayList<>(observations);
        seen.sort(Comparator.comparingLong(Observation::time));
        return seen;
    }

    /** Adapter events observed (starts and stops are the runner's, not counted). */
    synchronized int eventCount() {
        int c = 0;
        for (Observation o : observations) {
            if (!(o instanceof Observation.Started) && !(o instanceof Observation.Stopped)) {
                c++;
            }
        }
        return c;
    }

    /** A timeline record at scenario time {@code t}. */
    void note(long t, String kind, String node, Map<String, ?> fields) {
        Timeline tl = timeline;
        if (tl != null) {
            tl.add(t, clock.wallMs(), kind, node, fields);
        }
    }
}
