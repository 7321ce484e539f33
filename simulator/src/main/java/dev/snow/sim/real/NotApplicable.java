package dev.snow.sim.real;

import dev.snow.sim.scenario.Action;
import dev.snow.sim.scenario.LinkSpec;
import dev.snow.sim.scenario.NetworkSpec;
import dev.snow.sim.scenario.NodeSpec;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.TimedAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a scenario that cannot apply to real processes behind a proxy, each with why,
 * so a run names them in one line instead of ignoring them silently:
 * virtual clocks ({@code clock.offset}, {@code clock.drift_ppm}, {@code skew}: a process runs on
 * the machine's clock), the virtual TCP's timers ({@code network.tcp.*}: the kernel's TCP applies),
 * the swarm draw (real mode runs the timeline as written), and latency shapes a proxy cannot draw
 * (normal and exponential become mean +/- spread, uniform).
 */
final class NotApplicable {
    private NotApplicable() {
    }

    static List<String> of(Scenario s) {
        List<String> out = new ArrayList<>();
        for (NodeSpec n : s.nodes()) {
            if (n.settings().clockOffset() != 0) {
                out.add("clock.offset of " + n.name() + " (processes run on the machine's clock)");
            }
            if (n.settings().driftPpm() != 0) {
                out.add("clock.drift_ppm of " + n.name() + " (processes run on the machine's clock)");
            }
        }
        for (TimedAction ta : s.timeline()) {
            if (ta.action() instanceof Action.Skew) {
                out.add("skew on line " + ta.line() + " (no clock hook in a process)");
            }
        }
        NetworkSpec net = s.network();
        NetworkSpec d = NetworkSpec.DEFAULT;
        if (net.rtoMin() != d.rtoMin() || net.rtoMax() != d.rtoMax() || net.synRto() != d.synRto()
                || net.synTimeout() != d.synTimeout() || net.resetAfter() != d.resetAfter()) {
            out.add("network.tcp.* (the kernel's TCP timers apply)");
        }
        if (!s.swarm().isEmpty()) {
            out.add("swarm (real mode runs the timeline as written, without a per-seed draw)");
        }
        boolean shaped = shaped(net.latency().distribution());
        for (LinkSpec l : s.links()) {
            shaped |= l.latency() != null && shaped(l.latency().distribution());
        }
        for (TimedAction ta : s.timeline()) {
            shaped |= ta.action() instanceof Action.Latency l && shaped(l.latency().distribution());
        }
        if (shaped) {
            out.add("latency distributions normal/exponential (a proxy draws mean +/- spread, uniform)");
        }
        return out;
    }

    private static boolean shaped(String distribution) {
        return distribution.equals("normal") || distribution.equals("exponential");
    }
}
