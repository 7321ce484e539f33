package dev.snow.conformance.framing;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.StatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Once established only PING and PONG are valid: any handshake frame or malformed frame ends the
 * session with node_down protocol_error, whichever role the IUT had.
 */
@ConformanceTest
class AfterEstablishmentTest {

    @TestFactory
    @Requirement({"HB-6", "FRAME-7", "FRAME-8", "FRAME-2", "FRAME-3", "FRAME-4", "FRAME-11"})
    Stream<DynamicTest> frameAfterEstablishment(Iut iut, Tester t) {
        List<Object[]> frames = List.of(
                new Object[] {"name", "HB-6", (Function<Tester, byte[]>) x -> Frames.name("late@127.0.0.1", 3)},
                new Object[] {"status", "HB-6", (Function<Tester, byte[]>) x -> Frames.status(StatusCode.OK, x.challenge(), "late@127.0.0.1", 3)},
                new Object[] {"reply", "HB-6", (Function<Tester, byte[]>) x -> Frames.reply(x.randomBytes(32), x.challenge())},
                new Object[] {"ack", "HB-6", (Function<Tester, byte[]>) x -> Frames.ack(x.randomBytes(32))},
                new Object[] {"len-0", "FRAME-2", (Function<Tester, byte[]>) x -> new byte[4]},
                new Object[] {"len-4097", "FRAME-3", (Function<Tester, byte[]>) x -> new byte[] {0, 0, 0x10, 1}},
                new Object[] {"tag-9", "FRAME-4", (Function<Tester, byte[]>) x -> Frames.raw(9, 9, new byte[8])},
                new Object[] {"ping-len-10", "FRAME-11", (Function<Tester, byte[]>) x -> Frames.raw(10, 5, new byte[9])});
        List<DynamicTest> cases = new ArrayList<>();
        for (String role : new String[] {"acceptor", "initiator"}) {
            for (Object[] f : frames) {
                String id = role + "-" + f[0];
                String rule = (String) f[1];
                @SuppressWarnings("unchecked")
                Function<Tester, byte[]> bytes = (Function<Tester, byte[]>) f[2];
                cases.add(dynamicTest(id + " [" + rule + (rule.equals("HB-6") ? "" : ", HB-6") + ", FRAME-8] IUT as " + role
                        + " gets " + f[0] + " after establishment", () -> {
                    Handshakes.Session s = role.equals("acceptor") ? Handshakes.initiate(t, iut, t.name("established"), 3)
                            : Handshakes.accept(t, iut, "established");
                    int mark = iut.mark();
                    s.conn().send(bytes.apply(t));
                    s.conn().expectClosed(t.timeouts().close(), rule + "/HB-6: close without sending anything further");
                    Event down = iut.await(mark, "node_down for " + s.name(), e -> e.is("node_down") && s.name().equals(e.node()),
                            t.timeouts().event());
                    if (!"protocol_error".equals(down.reason())) {
                        throw new AssertionError("HB-6/FRAME-8: node_down reason is \"" + down.reason() + "\", the spec says protocol_error: " + down);
                    }
                }));
            }
        }
        return cases.stream();
    }
}
