package dev.snow.conformance.digests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.AdapterLog;
import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.WireFrame;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The cookie never appears on the wire, in events or in logs. Every byte any IUT sent to the
 * tester and every line any adapter wrote during the run was searched for the cookie; this test,
 * which runs after all others but the last sanity check, provokes one more cookie mismatch (a
 * likely place to log secrets) and reports what was found.
 */
@ConformanceTest
@Order(Integer.MAX_VALUE - 1)
class CookieSecrecyTest {

    @Test
    @Requirement({"AUTH-7"})
    void theCookieAppearedNowhereDuringTheRun(Iut iut, Tester t) {
        String name = t.name("secrecy");
        PeerConnection c = t.dial(iut);
        WireFrame.StatusChallenge st = Handshakes.sendName(c, iut, name, 3);
        c.send(Frames.reply(HmacSha256.digest("not-" + iut.cookie(), st.challenge()), t.challenge()));
        c.next(t.timeouts().close());
        c.close();
        StringBuilder out = new StringBuilder();
        for (AdapterLog.Line l : iut.adapter().log().since(0)) {
            if (l.stream() != AdapterLog.Stream.SENT) {
                out.append(l.text()).append('\n');
            }
        }
        if (out.indexOf(iut.cookie()) >= 0) {
            t.run().cookieLeak("in the shared node's stdout or stderr");
        }
        t.note("AUTH-7: searched every byte the IUTs sent on " + "tester connections and every adapter line of the run");
        assertThat(t.run().cookieLeaks()).as("AUTH-7: places where the cookie appeared").isEmpty();
    }
}
