package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.BaseDigests;
import dev.snow.ref.handshake.CookieMac;
import dev.snow.ref.handshake.DigestScheme;
import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.Handshake;
import dev.snow.ref.handshake.HandshakeChecks;
import dev.snow.ref.handshake.HandshakeStep;
import dev.snow.ref.handshake.HandshakeTap;
import dev.snow.ref.wire.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seams the production node runs plant nothing: each role gets the node's own digests and heartbeat_interval, frames pass untouched. */
class RealSeamsTest {

    @Test
    void theRealCoreSeamsChangeNothingInEitherRole() {
        DigestScheme scheme = new BaseDigests(new CookieMac("c00kie"));
        for (Direction role : Direction.values()) {
            assertThat(CoreSeams.REAL.digests().of(role, scheme, "c00kie")).as(role + ": the node's own scheme").isSameAs(scheme);
            assertThat(CoreSeams.REAL.pingInterval().nanos(role, 60_000_000_000L)).as(role + ": the configured interval").isEqualTo(60_000_000_000L);
        }
        for (CoreDefect d : CoreDefect.values()) {
            assertThat(CoreSeams.REAL.has(d)).as("the real node plants " + d).isFalse();
        }
    }

    @Test
    void theRealHandshakeChecksRunAllAndTapNothing() {
        HandshakeChecks all = HandshakeChecks.ALL;
        assertThat(all.dialledName() && all.reflection() && all.creation() && all.upAfterAck()).isTrue();
        assertThat(all.tap()).isSameAs(HandshakeTap.NONE);
        Frame ping = new Frame.Ping(7);
        HandshakeStep step = new HandshakeStep(List.of(ping), HandshakeStep.Outcome.CONTINUE, null, 0, null, null);
        assertThat(HandshakeTap.NONE.received(Direction.INCOMING, Handshake.State.AWAIT_NAME, ping)).isSameAs(ping);
        assertThat(HandshakeTap.NONE.decided(Direction.OUTGOING, Handshake.State.CONNECTING, null, step)).isSameAs(step);
    }
}
