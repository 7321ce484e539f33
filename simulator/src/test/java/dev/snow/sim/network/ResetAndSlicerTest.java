package dev.snow.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snow.sim.engine.Rng;
import dev.snow.sim.engine.Simulation;
import dev.snow.sim.engine.Trace;
import dev.snow.sim.network.NetworkTest.Recorder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reset and slicer faults on the virtual network: two hosts, scripted writes, what each end hears and when. */
class ResetAndSlicerTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final LinkSet BOTH = LinkSet.between(new int[] {0}, new int[] {1});

    private final Simulation sim = new Simulation();
    private final Recorder client = new Recorder(sim);
    private final List<String> slices = new ArrayList<>();
    private final List<Long> sliceTimes = new ArrayList<>();
    private final Recorder server = new Recorder(sim) {
        @Override
        public void bytes(End e, byte[] data) {
            super.bytes(e, data);
            slices.add(new String(data, StandardCharsets.UTF_8));
            sliceTimes.add(sim.now());
        }
    };
    private Network net;

    /** Two hosts 10 ms apart; the client has dialled and both ends are ready by 1 s. */
    private End open(long seed) {
        net = new Network(sim, new Rng(seed), new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), TcpParams.DEFAULT,
                List.of("c@sim", "s@sim"), Trace.NONE);
        net.boot(0);
        net.listen(0, client);
        net.boot(1);
        net.listen(1, server);
        End c = net.dial(0, "s@sim", 1, client);
        runUntil(S);
        return c;
    }

    private void runUntil(long t) {
        while (sim.step(t)) {
        }
        sim.advanceTo(t);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aResetIsArmedByTheNextDataAndResetsBothEndsAfterItsTimeout() {
        End c = open(1);
        new Fault.Reset(BOTH, 500 * MS).apply(net);
        runUntil(5 * S);
        assertThat(client.closed).as("an idle connection is not reset").isNull();

        net.send(c, text("doomed"));
        runUntil(10 * S);

        assertThat(server.received.toString()).as("the data that armed the reset is lost").isEmpty();
        assertThat(client.closedAt).isEqualTo(5 * S + 500 * MS);
        assertThat(server.closedAt).isEqualTo(5 * S + 500 * MS);
        assertThat(client.closed).isEqualTo("IO: connection reset by peer (reset on the link c@sim -> s@sim)");
        assertThat(server.closed).isEqualTo(client.closed);
        assertThat(net.stats().resets()).isEqualTo(2);
    }

    @Test
    void aFinAlsoArmsTheResetAndTheOtherDirectionIsUntouchedByAOneWayReset() {
        End c = open(1);
        new Fault.Reset(LinkSet.oneWay(new int[] {0}, new int[] {1}), 0).apply(net);
        net.send(server.end, text("s->c passes"));
        runUntil(2 * S);
        assertThat(client.received.toString()).isEqualTo("s->c passes");
        assertThat(client.closed).isNull();

        net.close(c);
        runUntil(3 * S);
        assertThat(server.closed).as("the FIN armed it: a reset, not an EOF").startsWith("IO: connection reset by peer");
    }

    @Test
    void connectionsOpenedAfterTheResetAreLeftAlone() {
        open(1);
        new Fault.Reset(BOTH, 0).apply(net);
        Recorder later = new Recorder(sim);
        End c2 = net.dial(0, "s@sim", 2, later);
        runUntil(2 * S);
        net.send(c2, text("fresh"));
        runUntil(3 * S);
        assertThat(server.received.toString()).isEqualTo("fresh");
        assertThat(later.closed).isNull();
    }

    @Test
    void theSlicerDeliversTheSameBytesOneSliceAtATimeSpacedByItsDelay() {
        End c = open(1);
        new Fault.Slice(LinkSet.everyLink(), new Slicing(1, 0, 2 * MS)).apply(net);
        net.send(c, text("abc"));
        net.send(c, text("de"));
        net.close(c);
        runUntil(2 * S);

        assertThat(slices).containsExactly("a", "b", "c", "d", "e");
        long first = S + 10 * MS;
        assertThat(sliceTimes).as("the second write waits for the first one's slices")
                .containsExactly(first, first + 2 * MS, first + 4 * MS, first + 6 * MS, first + 8 * MS);
        assertThat(server.closed).as("the FIN comes after the last slice").startsWith("EOF");
    }

    @Test
    void endingTheSlicerDeliversWritesWhole() {
        End c = open(1);
        new Fault.Slice(LinkSet.everyLink(), new Slicing(1, 0, 0)).apply(net);
        new Fault.Slice(LinkSet.everyLink(), null).apply(net);
        net.send(c, text("whole"));
        runUntil(2 * S);
        assertThat(slices).containsExactly("whole");
    }

    @Test
    void slicesStayWithinAveragePlusVariationAndTheCutsFollowTheSeed() {
        Slicing s = new Slicing(20, 5, 0);
        for (int length = 1; length <= 2_000; length += 37) {
            int[] ends = s.cuts(length, new Rng(length));
            int start = 0;
            for (int end : ends) {
                assertThat(end - start).as("slice of %d bytes", length).isBetween(1, 25);
                start = end;
            }
            assertThat(start).isEqualTo(length);
            assertThat(s.cuts(length, new Rng(length))).as("same seed, same cuts").containsExactly(ends);
        }
        assertThat(s.cuts(1_000, new Rng(1))).as("another seed, other cuts").isNotEqualTo(s.cuts(1_000, new Rng(2)));
        assertThat(new Slicing(1, 0, 0).cuts(4, new Rng(1))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aSlicingOutOfRangeIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> new Slicing(0, 0, 0)).hasMessageContaining("average_size").hasMessageContaining("was 0");
        assertThatThrownBy(() -> new Slicing(4, 4, 0)).hasMessageContaining("size_variation").hasMessageContaining("was 4");
        assertThatThrownBy(() -> new Slicing(4, 0, -1)).hasMessageContaining("delay").hasMessageContaining("was -1");
    }
}
