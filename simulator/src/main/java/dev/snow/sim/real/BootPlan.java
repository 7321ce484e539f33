package dev.snow.sim.real;

import dev.snow.sim.scenario.Action;
import dev.snow.sim.scenario.TimedAction;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Before the run: the timeline's instants are drawn, then the timeline is walked to know every
 * boot of every node (first boot, each {@code start} of a node that is down, each {@code
 * restart}); each gets a free port and a creation (configured, drawn, the action's, or previous
 * + 1 with 255 wrapping to 1), as the simulator gives them.
 */
final class BootPlan {
    private BootPlan() {
    }

    /** Fills every node's {@code boots}; returns the timeline by instant. */
    static TreeMap<Long, List<TimedAction>> plan(RunState run) throws IOException {
        TreeMap<Long, List<TimedAction>> byInstant = new TreeMap<>();
        for (TimedAction ta : run.scenario.timeline()) {
            long at = ta.randomTime() ? ta.at() + Math.floorMod(run.rng.nextLong(), ta.atLatest() - ta.at() + 1) : ta.at();
            byInstant.computeIfAbsent(at, k -> new ArrayList<>()).add(ta);
        }
        RealNode[] nodes = run.nodes;
        boolean[] up = new boolean[nodes.length];
        int[] last = new int[nodes.length];
        for (RealNode n : nodes) {
            if (n.spec.settings().started()) {
                up[n.index] = true;
                last[n.index] = boot(run, n, null, 0);
            }
        }
        for (List<TimedAction> at : byInstant.values()) {
            for (TimedAction ta : at) {
                Action a = ta.action();
                if (a instanceof Action.Start s) {
                    for (String x : s.nodes().nodes()) {
                        RealNode n = run.node(x);
                        if (!up[n.index]) {
                            up[n.index] = true;
                            last[n.index] = boot(run, n, s.creation(), last[n.index]);
                        }
                    }
                } else if (a instanceof Action.Restart r) {
                    for (String x : r.nodes().nodes()) {
                        RealNode n = run.node(x);
                        up[n.index] = true;
                        last[n.index] = boot(run, n, r.creation(), last[n.index]);
                    }
                } else if (a instanceof Action.Stop s) {
                    s.nodes().nodes().forEach(x -> up[run.node(x).index] = false);
                } else if (a instanceof Action.Crash c) {
                    c.nodes().nodes().forEach(x -> up[run.node(x).index] = false);
                }
            }
        }
        return byInstant;
    }

    private static int boot(RunState run, RealNode n, Integer creation, int previous) throws IOException {
        int c;
        if (creation != null) {
            c = creation;
        } else if (previous == 0) {
            Integer configured = n.spec.settings().creation();
            c = configured != null ? configured : 1 + run.rng.nextInt(255);
        } else {
            c = previous == 255 ? 1 : previous + 1;
        }
        n.boots.add(new RealNode.Boot(freePort(), c));
        return c;
    }

    /** A loopback port free now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
