package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import dev.snow.sim.scenario.NodeSpec;
import dev.snow.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a scenario's expectations from the stream of {@link Observation}s, fed in time order,
 * and says at the end which failed and why. Knows nothing of the simulator.
 */
public final class ExpectationVerifier {
    private final SessionBook book = new SessionBook();
    private final List<ExpectationCheck> checks = new ArrayList<>();

    public ExpectationVerifier(Scenario scenario) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> maxNodeId = new HashMap<>();
        for (NodeSpec n : scenario.nodes()) {
            names.add(n.name());
            maxNodeId.put(n.name(), n.settings().maxNodeId());
        }
        for (Expectation e : scenario.expectations()) {
            checks.add(check(e, names, maxNodeId));
        }
    }

    private static ExpectationCheck check(Expectation e, List<String> names, Map<String, Integer> maxNodeId) {
        if (e instanceof Expectation.Session s) {
            return new SessionCheck(s, names);
        } else if (e instanceof Expectation.NoSession s) {
            return new NoSessionCheck(s);
        } else if (e instanceof Expectation.NodeUp u) {
            return new NodeUpCheck(u);
        } else if (e instanceof Expectation.NodeDown d) {
            return new NodeDownCheck(d);
        } else if (e instanceof Expectation.NoNodeDown d) {
            return new NoNodeDownCheck(d);
        } else if (e instanceof Expectation.HandshakeFailed f) {
            return new HandshakeFailedCheck(f);
        } else if (e instanceof Expectation.SessionCount c) {
            return new SessionCountCheck(c);
        } else if (e instanceof Expectation.UniqueSessions) {
            return new UniquenessCheck(e, false, maxNodeId);
        } else if (e instanceof Expectation.UniqueNodeIds) {
            return new UniquenessCheck(e, true, maxNodeId);
        }
        throw new IllegalArgumentException("no check for " + e);
    }

    public void observe(Observation o) {
        for (ExpectationCheck c : checks) {
            c.advance(o.time(), book);
            c.before(o, book);
        }
        book.apply(o);
        for (ExpectationCheck c : checks) {
            c.after(o, book);
        }
    }

    /** The failed expectations, in file order, with the run ending at {@code end}. */
    public List<Unmet> finish(long end) {
        List<Unmet> out = new ArrayList<>();
        for (ExpectationCheck c : checks) {
            String why = c.finish(end, book);
            if (why != null) {
                out.add(new Unmet(c.expectation, why, c.nodes(), c.window()));
            }
        }
        return out;
    }

    /** An expectation that did not hold, the nodes and window whose trace explains it. */
    public record Unmet(Expectation expectation, String why, List<String> nodes, long[] window) {
        public String describe() {
            return "expectation on line " + expectation.line() + " (" + expectation.text() + ") not met: " + why;
        }
    }
}
