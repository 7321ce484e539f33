package dev.snow.sim.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.session.CloseCause;
import dev.snow.sim.engine.Rng;
import dev.snow.sim.engine.Simulation;
import dev.snow.sim.engine.Trace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The virtual network on its own: two hosts, a client end and a server end, scripted. */
class NetworkTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    /** Records what a host's node would hear. */
    static class Recorder implements HostHandler {
        final Simulation sim;
        final List<String> log = new ArrayList<>();
        final StringBuilder received = new StringBuilder();
        End end;
        long closedAt = -1;
        String closed;
        long lastBytesAt = -1;
        long readyAt = -1;
        boolean refuse;

        Recorder(Simulation sim) {
            this.sim = sim;
        }

        @Override
        public long accept(End e) {
            if (refuse) {
                return -1;
            }
            end = e;
            log.add("accept@" + sim.now());
            return 1;
        }

        @Override
        public void ready(End e) {
            readyAt = sim.now();
            log.add("ready@" + sim.now());
        }

        @Override
        public void bytes(End e, byte[] data) {
            lastBytesAt = sim.now();
            received.append(new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void closed(End e, CloseCause cause, String detail) {
            closedAt = sim.now();
            closed = cause + ": " + detail;
        }
    }

    private final Simulation sim = new Simulation();
    private final Recorder client = new Recorder(sim);
    private final Recorder server = new Recorder(sim);
    private Network net;
    private End c;

    private void open(LinkParams params, TcpParams tcp) {
        net = new Network(sim, new Rng(11), params, tcp, List.of("c@sim", "s@sim"), Trace.NONE);
        net.boot(0);
        net.listen(0, client);
        net.boot(1);
        net.listen(1, server);
        c = net.dial(0, "s@sim", 1, client);
        client.end = c;
        runUntil(S);
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
    void tcpAndTlsSetupTakesFourTripsForTheClientAndFiveForTheServer() {
        open(new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), TcpParams.DEFAULT);
        assertThat(server.log).containsExactly("accept@" + 10 * MS, "ready@" + 50 * MS);
        assertThat(client.log).containsExactly("ready@" + 40 * MS);
    }

    @Test
    void lossDelaysSegmentsButEveryByteArrivesOnceAndInOrder() {
        open(new LinkParams(Latency.fixed(5 * MS), 0, 0.5, 0), TcpParams.DEFAULT);
        StringBuilder sent = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String m = "m" + i + ";";
            sent.append(m);
            net.send(c, text(m));
        }
        runUntil(600 * S);
        assertThat(server.received.toString()).isEqualTo(sent.toString());
        assertThat(net.stats().retransmissions()).isGreaterThan(50);
        assertThat(client.closed).isNull();
    }

    @Test
    void aPartitionHoldsBytesBackUntilTheFirstRetransmissionAfterTheHeal() {
        open(new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), TcpParams.DEFAULT);
        LinkSet both = LinkSet.between(new int[] {0}, new int[] {1});
        net.block(both);
        net.send(c, text("x"));
        sim.at(6 * S, t -> net.unblock(both));
        runUntil(20 * S);
        // RTO = 200 ms + 20 ms round trip, doubling: tries at +0.22, +0.66, +1.54, +3.30, +6.82 s;
        // the heal comes at +5 s, so the copy sent at +6.82 s is the one that arrives.
        assertThat(server.received.toString()).isEqualTo("x");
        assertThat(server.lastBytesAt).isEqualTo(S + 6_820 * MS + 10 * MS);
    }

    @Test
    void aSegmentUnacknowledgedForResetAfterAbortsTheConnection() {
        open(new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), new TcpParams(200 * MS, 120 * S, S, 127 * S, 3 * S));
        LinkSet both = LinkSet.between(new int[] {0}, new int[] {1});
        net.block(both);
        net.send(c, text("lost"));
        runUntil(10 * S);
        assertThat(client.closedAt).isEqualTo(S + 3 * S);
        assertThat(client.closed).startsWith("IO: TCP gave up").contains("reset_after");
        assertThat(server.closed).as("the RST cannot cross the partition").isNull();

        net.unblock(both);
        net.send(server.end, text("anyone?"));
        runUntil(20 * S);
        assertThat(server.closed).startsWith("IO: connection reset");
    }

    @Test
    void aOneWayPartitionStillDeliversButStarvesTheSenderOfAcks() {
        open(new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), new TcpParams(200 * MS, 120 * S, S, 127 * S, 5 * S));
        net.block(LinkSet.oneWay(new int[] {0}, new int[] {1}));
        net.send(server.end, text("to the client"));
        net.send(c, text("to the server"));
        runUntil(20 * S);
        assertThat(client.received.toString()).isEqualTo("to the client");
        assertThat(server.received.toString()).isEmpty();
        assertThat(server.closed).as("its acks never came back").startsWith("IO: TCP gave up");
        assertThat(client.closed).as("nothing of it ever got through").startsWith("IO: TCP gave up");
    }

    @Test
    void heldSegmentsWaitWithoutLossAndArriveInOrderOnRelease() {
        open(new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), TcpParams.DEFAULT);
        LinkSet up = LinkSet.oneWay(new int[] {0}, new int[] {1});
        net.hold(up);
        net.send(c, text("a"));
        net.send(c, text("b"));
        runUntil(11 * S);
        assertThat(server.received.toString()).isEmpty();
        net.release(up);
        runUntil(12 * S);
        assertThat(server.received.toString()).isEqualTo("ab");
        assertThat(server.lastBytesAt).isEqualTo(11 * S + 10 * MS);
        assertThat(net.stats().retransmissions()).isZero();
    }

    @Test
    void bandwidthSerialisesSegmentsOnTheLink() {
        open(new LinkParams(Latency.ZERO, 0, 0, 80_000), TcpParams.DEFAULT);
        long start = sim.now();
        List<Long> arrivals = new ArrayList<>();
        Recorder timing = new Recorder(sim) {
            @Override
            public void bytes(End e, byte[] data) {
                arrivals.add(sim.now() - start);
            }
        };
        server.end.handler = timing;
        for (int i = 0; i < 3; i++) {
            net.send(c, new byte[938]);
        }
        runUntil(start + 5 * S);
        // 938 bytes + 62 of headers = 8,000 bits = 100 ms at 80 kbit/s each.
        assertThat(arrivals).containsExactly(100 * MS, 200 * MS, 300 * MS);
    }

    @Test
    void aRestartedHostAnswersOldConnectionsWithReset() {
        open(new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), TcpParams.DEFAULT);
        net.crash(1);
        net.send(c, text("hello?"));
        runUntil(3 * S);
        assertThat(client.closed).isNull();
        net.boot(1);
        net.listen(1, server);
        runUntil(10 * S);
        assertThat(client.closed).startsWith("IO: connection reset by peer (the host restarted)");
        assertThat(server.received.toString()).isEmpty();
    }

    @Test
    void aHostWithoutListenerRefusesTheDial() {
        net = new Network(sim, new Rng(1), new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), TcpParams.DEFAULT,
                List.of("c@sim", "s@sim"), Trace.NONE);
        net.boot(0);
        net.listen(0, client);
        net.boot(1);
        net.dial(0, "s@sim", 1, client);
        runUntil(S);
        assertThat(client.closedAt).isEqualTo(20 * MS);
        assertThat(client.closed).startsWith("IO: connection refused");
    }

    @Test
    void closeSendsAFinAfterTheBytesAlreadySent() {
        open(new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), TcpParams.DEFAULT);
        net.send(c, text("last words"));
        net.close(c);
        runUntil(2 * S);
        assertThat(server.received.toString()).isEqualTo("last words");
        assertThat(server.closed).startsWith("EOF");
        assertThat(client.closed).as("the closing side hears nothing").isNull();
    }

    @Test
    void dialingAnUnknownNameFailsAtOnce() {
        open(new LinkParams(Latency.fixed(10 * MS), 0, 0, 0), TcpParams.DEFAULT);
        Recorder lost = new Recorder(sim);
        net.dial(0, "nobody@sim", 2, lost);
        runUntil(2 * S);
        assertThat(lost.closedAt).isEqualTo(S);
        assertThat(lost.closed).isEqualTo("IO: no host is named nobody@sim");
    }
}
