package dev.snow.sim.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations judged from observations alone: script the events, verify the verdicts. */
class ExpectationVerifierTest {
    private static final long S = 1_000_000_000L;

    private static ExpectationVerifier verifier(String... expect) {
        String yaml = "duration: 100s\nnodes:\n  - name: a@sim\n  - name: b@sim\n  - name: c@sim\nexpect:\n"
                + String.join("\n", expect) + "\n";
        Scenario s = ScenarioLoader.parse("t.yaml", yaml);
        return new ExpectationVerifier(s);
    }

    private static Observation.Up up(long t, String node, String peer, int id) {
        return new Observation.Up(t * S, node, peer, id, 3, "outgoing");
    }

    private static Observation.Down down(long t, String node, String peer, int id, String reason) {
        return new Observation.Down(t * S, node, peer, id, reason);
    }

    private static List<String> verdicts(ExpectationVerifier v) {
        return v.finish(100 * S).stream().map(ExpectationVerifier.Unmet::describe).toList();
    }

    @Test
    void aSessionCountsOnlyWhenBothSidesHoldItInsideTheWindow() {
        ExpectationVerifier v = verifier("  - session: {between: [a@sim, b@sim], after: 10s, within: 5s}");
        v.observe(up(11, "a@sim", "b@sim", 1));
        v.observe(down(12, "a@sim", "b@sim", 1, "closed"));
        v.observe(up(13, "b@sim", "a@sim", 1));
        assertThat(verdicts(v)).singleElement().asString().contains("never held a session on both sides");

        ExpectationVerifier ok = verifier("  - session: {between: [a@sim, b@sim], after: 10s, within: 5s}");
        ok.observe(up(1, "a@sim", "b@sim", 1));
        ok.observe(up(2, "b@sim", "a@sim", 1));
        ok.observe(up(50, "c@sim", "a@sim", 1));
        assertThat(verdicts(ok)).as("up since before the window counts at its start").isEmpty();
    }

    @Test
    void noSessionCatchesASessionAliveWhenTheWindowOpens() {
        ExpectationVerifier v = verifier("  - no_session: {between: [a@sim, c@sim], during: [10s, 20s]}");
        v.observe(up(5, "c@sim", "a@sim", 1));
        v.observe(up(30, "b@sim", "a@sim", 1));
        assertThat(verdicts(v)).singleElement().asString().contains("c@sim held a session with a@sim at 10s");
    }

    @Test
    void nodeDownNeedsTheReasonInsideTheWindow() {
        ExpectationVerifier v = verifier("  - node_down: {node: a@sim, peer: b@sim, reason: heartbeat_timeout, window: [10s, 20s]}");
        v.observe(up(1, "a@sim", "b@sim", 1));
        v.observe(down(15, "a@sim", "b@sim", 1, "closed"));
        assertThat(verdicts(v)).singleElement().asString().contains("seen instead: a@sim sees b@sim down (closed) at 15s");

        ExpectationVerifier ok = verifier("  - node_down: {node: a@sim, peer: b@sim, reason: [closed, heartbeat_timeout], window: [10s, 20s]}");
        ok.observe(down(15, "a@sim", "b@sim", 1, "closed"));
        assertThat(verdicts(ok)).isEmpty();
    }

    @Test
    void noNodeDownReportsTheFirstOffender() {
        ExpectationVerifier v = verifier("  - no_node_down: {reason: [replaced]}");
        v.observe(down(3, "a@sim", "b@sim", 1, "closed"));
        v.observe(down(4, "c@sim", "b@sim", 2, "replaced"));
        assertThat(verdicts(v)).singleElement().asString().contains("c@sim reported node_down of b@sim (replaced, node_id 2) at 4s");
    }

    @Test
    void nodeUpCanAskForTheIdAnotherPeerHad() {
        ExpectationVerifier v = verifier("  - node_up: {node: a@sim, peer: c@sim, node_id_of: b@sim, window: [10s, 20s]}");
        v.observe(up(1, "a@sim", "b@sim", 7));
        v.observe(down(5, "a@sim", "b@sim", 7, "closed"));
        v.observe(up(12, "a@sim", "c@sim", 8));
        assertThat(verdicts(v)).singleElement().asString().contains("node_id 8").contains("b@sim had node_id 7");

        ExpectationVerifier ok = verifier("  - node_up: {node: a@sim, peer: c@sim, node_id_of: b@sim, window: [10s, 20s]}");
        ok.observe(up(1, "a@sim", "b@sim", 7));
        ok.observe(down(5, "a@sim", "b@sim", 7, "closed"));
        ok.observe(up(12, "a@sim", "c@sim", 7));
        assertThat(verdicts(ok)).isEmpty();
    }

    @Test
    void handshakeFailedMatchesReasonPeerAndDirection() {
        ExpectationVerifier v = verifier("  - handshake_failed: {node: a@sim, peer: b@sim, reason: cookie_mismatch, direction: incoming}");
        v.observe(new Observation.Failed(2 * S, "a@sim", "b@sim", "outgoing", "cookie_mismatch"));
        assertThat(verdicts(v)).hasSize(1);
        v.observe(new Observation.Failed(3 * S, "a@sim", "b@sim", "incoming", "cookie_mismatch"));
        assertThat(verdicts(v)).isEmpty();
    }

    @Test
    void sessionCountsAreTakenAtTheirInstantAndCrashesClearThem() {
        ExpectationVerifier v = verifier("  - sessions: {node: a@sim, at: 10s, count: 2}",
                "  - sessions: {node: a@sim, at: 30s, count: 0}");
        v.observe(up(1, "a@sim", "b@sim", 1));
        v.observe(up(2, "a@sim", "c@sim", 2));
        v.observe(down(11, "a@sim", "c@sim", 2, "closed"));
        v.observe(new Observation.Stopped(20 * S, "a@sim", "host crash"));
        assertThat(verdicts(v)).isEmpty();
    }

    @Test
    void uniquenessIsJudgedFromEvents() {
        ExpectationVerifier v = verifier("  - unique_sessions", "  - unique_node_ids");
        v.observe(up(1, "a@sim", "b@sim", 1));
        v.observe(up(2, "a@sim", "c@sim", 1));
        v.observe(up(3, "a@sim", "b@sim", 5));
        assertThat(verdicts(v)).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("while it already held a session with it"))
                .anySatisfy(m -> assertThat(m).contains("gave node_id 1 to c@sim at 2s while b@sim held it"));
    }
}
