package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.node.NodeEvent.HandshakeFailed;
import dev.snow.ref.node.NodeEvent.NodeUp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AUTH-6 over real TLS, in both directions: the acceptor that sees a wrong REPLY digest reports
 * cookie_mismatch and closes without a word; the initiator sees the connection end (io). No
 * node_up on either side and no node_id consumed.
 */
class WrongCookieTest {

    @ParameterizedTest(name = "{0} dials")
    @ValueSource(strings = {"a", "b"})
    void a_wrong_cookie_is_rejected_on_both_sides(String dialler) {
        try (TestNodes nodes = new TestNodes()) {
            EventLog aLog = new EventLog();
            EventLog bLog = new EventLog();
            SnowNode a = nodes.start("a", "cookie-one", aLog);
            SnowNode b = nodes.start("b", "cookie-two", bLog);
            SnowNode initiator = dialler.equals("a") ? a : b;
            SnowNode acceptor = dialler.equals("a") ? b : a;
            EventLog initiatorLog = dialler.equals("a") ? aLog : bLog;
            EventLog acceptorLog = dialler.equals("a") ? bLog : aLog;

            TestNodes.connect(initiator, acceptor);

            HandshakeFailed atAcceptor = acceptorLog.await(HandshakeFailed.class, 0, TestNodes.WAIT);
            assertThat(atAcceptor.reason()).isEqualTo(FailReason.COOKIE_MISMATCH);
            assertThat(atAcceptor.direction()).isEqualTo(Direction.INCOMING);
            assertThat(atAcceptor.peer()).isEqualTo(initiator.name());
            HandshakeFailed atInitiator = initiatorLog.await(HandshakeFailed.class, 0, TestNodes.WAIT);
            assertThat(atInitiator.reason()).isEqualTo(FailReason.IO);
            assertThat(atInitiator.direction()).isEqualTo(Direction.OUTGOING);
            assertThat(atInitiator.peer()).isEqualTo(acceptor.name());
            assertThat(aLog.all(NodeUp.class)).isEmpty();
            assertThat(bLog.all(NodeUp.class)).isEmpty();
            assertThat(a.sessions().join()).isEmpty();
            assertThat(b.sessions().join()).isEmpty();

            // no node_id was consumed: the next good peer of the acceptor gets id 1
            EventLog cLog = new EventLog();
            SnowNode c = nodes.start("c", dialler.equals("a") ? "cookie-two" : "cookie-one", cLog);
            TestNodes.connect(c, acceptor);
            NodeUp up = acceptorLog.await(NodeUp.class, 0, TestNodes.WAIT);
            assertThat(up.node()).isEqualTo(c.name());
            assertThat(up.nodeId()).isEqualTo(1);
        }
    }
}
