package dev.snow.ref.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heartbeat schedule alone, in plain numbers (docs/PROTOCOL.md, Heartbeat timing). */
class HeartbeatTimingTest {
    private static final long I = 60;
    private static final long T = 15;

    @Test
    void firstPingAtIntervalDeadAtIntervalPlusTimeout() {
        Heartbeat hb = new Heartbeat(0, I, T);

        assertThat(hb.deadline()).isEqualTo(60);
        assertThat(hb.onTimeout(59)).isEqualTo(Heartbeat.Action.NOTHING);
        assertThat(hb.onTimeout(60)).isEqualTo(Heartbeat.Action.SEND_PING);
        hb.pingSent(7, 60);
        assertThat(hb.deadline()).isEqualTo(75);
        assertThat(hb.onTimeout(74)).isEqualTo(Heartbeat.Action.NOTHING);
        assertThat(hb.onTimeout(75)).isEqualTo(Heartbeat.Action.DEAD);
    }

    @Test
    void matchingPongBeforeTheDeadlineCountsAndTheNextPingKeepsItsSchedule() {
        Heartbeat hb = new Heartbeat(0, I, T);
        hb.pingSent(7, 60);

        assertThat(hb.onPong(8, 61)).as("wrong payload").isFalse();
        assertThat(hb.onPong(7, 74)).isTrue();
        assertThat(hb.onPong(7, 74)).as("duplicate").isFalse();
        assertThat(hb.deadline()).isEqualTo(120);
    }

    @Test
    void aPongAtTheDeadlineIsTooLate() {
        Heartbeat hb = new Heartbeat(0, I, T);
        hb.pingSent(7, 60);

        assertThat(hb.onPong(7, 75)).isFalse();
        assertThat(hb.onTimeout(75)).isEqualTo(Heartbeat.Action.DEAD);
    }

    @Test
    void withTimeoutLongerThanIntervalTheNextPingWaitsForThePong() {
        Heartbeat hb = new Heartbeat(0, 1, 3);
        hb.pingSent(1, 1);

        assertThat(hb.deadline()).as("the pong deadline, not the next ping").isEqualTo(4);
        hb.onPong(1, 2); // PONG at 2.5 in the spec's example, here 2
        assertThat(hb.deadline()).isEqualTo(2);
    }
}
