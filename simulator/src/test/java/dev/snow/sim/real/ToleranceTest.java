package dev.snow.sim.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.sim.scenario.Expectation;
import dev.snow.sim.scenario.Selector;
import dev.snow.sim.scenario.Units;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Windows of things that must happen widen by the tolerance; windows of things that must not narrow. */
class ToleranceTest {
    private static final Selector A = new Selector("a@sim", List.of("a@sim"));
    private static final Selector B = new Selector("b@sim", List.of("b@sim"));
    private static final long S = Units.S;
    private static final long T = 300 * Units.MS;

    @Test
    void eventuallyWindowsWidenWithinTheRun() {
        var down = (Expectation.NodeDown) Tolerance.apply(new Expectation.NodeDown(A, B, Set.of("heartbeat_timeout"), 3 * S, 5 * S, "d", 1),
                T, 10 * S);
        assertThat(new long[] {down.from(), down.to()}).containsExactly(3 * S - T, 5 * S + T);
        var s = (Expectation.Session) Tolerance.apply(new Expectation.Session(A, B, 0, 10 * S, "s", 2), T, 10 * S);
        assertThat(new long[] {s.from(), s.to()}).as("clamped to [0, duration]").containsExactly(0, 10 * S);
    }

    @Test
    void neverWindowsNarrowAndVanishWhenTooShortToJudge() {
        var no = (Expectation.NoSession) Tolerance.apply(new Expectation.NoSession(A, B, 5 * S, 7 * S, "n", 3), T, 10 * S);
        assertThat(new long[] {no.from(), no.to()}).containsExactly(5 * S + T, 7 * S - T);
        assertThat(Tolerance.apply(List.of(new Expectation.NoNodeDown(A, B, Set.of(), 5 * S, 5 * S + T, "x", 4)), T, 10 * S))
                .isEmpty();
    }

    @Test
    void instantsAndUniquenessAreUnchanged() {
        Expectation count = new Expectation.SessionCount(A, 6 * S, 1, 1, "c", 5);
        Expectation unique = new Expectation.UniqueSessions("u", 6);
        assertThat(Tolerance.apply(List.of(count, unique), T, 10 * S)).containsExactly(count, unique);
    }
}
