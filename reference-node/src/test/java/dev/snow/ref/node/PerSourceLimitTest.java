package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.FailReason;
import org.junit.jupiter.api.Test;

/** One source cannot evict another source's handshakes (LIM-5); LIM-2 still bounds the total. */
class PerSourceLimitTest {
    private static final String FLOODER = "127.0.0.66";
    private final CoreNetwork net = new CoreNetwork();

    @Test
    void aFloodFromOneSourceNeverEvictsAGoodHandshakeFromAnother() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1).maxPendingHandshakes(8).maxPendingPerSource(4), 1);
        net.add(CoreNetwork.config("good@h:2", "cookie", 2), 2);
        net.source("good@h:2", "127.0.0.2");
        CoreNetwork.End good = net.dial("good@h:2", "a@h:1"); // TCP accepted, TLS still under way

        for (int i = 0; i < 1000; i++) {
            net.acceptRaw("a@h:1", FLOODER);
        }
        net.transportReady(good);
        net.settle();

        assertThat(net.node("a@h:1").sessions()).extracting(SessionInfo::node).containsExactly("good@h:2");
        assertThat(net.events("a@h:1", NodeEvent.HandshakeFailed.class))
                .hasSize(1000 - 4)
                .allSatisfy(f -> {
                    assertThat(f.reason()).isEqualTo(FailReason.NOT_ALLOWED);
                    assertThat(f.detail()).startsWith("LIM-5").contains(FLOODER);
                });
        assertThat(net.node("a@h:1").pendingIncomingCount()).isEqualTo(4);
    }

    @Test
    void atTheTotalLimitTheBusiestSourceLosesItsOldest() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1).maxPendingHandshakes(6).maxPendingPerSource(4), 1);
        long firstOfX = net.acceptRaw("a@h:1", "127.0.0.10");
        for (int i = 0; i < 3; i++) {
            net.acceptRaw("a@h:1", "127.0.0.10");
        }
        net.acceptRaw("a@h:1", "127.0.0.20");
        net.acceptRaw("a@h:1", "127.0.0.20");
        assertThat(net.events("a@h:1")).isEmpty();

        net.acceptRaw("a@h:1", "127.0.0.30");

        assertThat(net.events("a@h:1", NodeEvent.HandshakeFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.connection()).isEqualTo(firstOfX);
            assertThat(f.detail()).startsWith("LIM-2");
        });
        assertThat(net.node("a@h:1").pendingIncomingCount()).isEqualTo(6);
    }

    @Test
    void theLimitPerSourceNeverExceedsTheTotal() throws Exception {
        NodeConfig c = CoreNetwork.config("a@h:1", "cookie", 1).maxPendingHandshakes(4).maxPendingPerSource(100).build();
        assertThat(c.maxPendingPerSource()).isEqualTo(4);
    }

    @Test
    void fromOneSharedSourceTheFloodEvictsTheGoodHandshakeAsLim2Says() {
        // what LIM-5 prevents: flood and good peer indistinguishable, so the oldest (the good one) goes
        net.add(CoreNetwork.config("a@h:1", "cookie", 1).maxPendingHandshakes(8).maxPendingPerSource(8), 1);
        net.add(CoreNetwork.config("good@h:2", "cookie", 2), 2);
        net.source("good@h:2", FLOODER);
        CoreNetwork.End good = net.dial("good@h:2", "a@h:1");
        for (int i = 0; i < 8; i++) {
            net.acceptRaw("a@h:1", FLOODER);
        }
        net.transportReady(good);
        net.settle();

        assertThat(net.node("a@h:1").sessions()).isEmpty();
        assertThat(net.events("good@h:2", NodeEvent.HandshakeFailed.class)).isNotEmpty();
    }

    @Test
    void withPerSourceAccountingOffTheFloodEvictsAGoodHandshakeFromAnotherSource() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1).maxPendingHandshakes(8).maxPendingPerSource(0), 1);
        net.add(CoreNetwork.config("good@h:2", "cookie", 2), 2);
        net.source("good@h:2", "127.0.0.2");
        CoreNetwork.End good = net.dial("good@h:2", "a@h:1");
        for (int i = 0; i < 8; i++) {
            net.acceptRaw("a@h:1", FLOODER);
        }
        net.transportReady(good);
        net.settle();

        assertThat(net.node("a@h:1").sessions()).isEmpty();
        assertThat(net.events("a@h:1", NodeEvent.HandshakeFailed.class).get(0).detail()).startsWith("LIM-2");
    }

    @Test
    void aFullTableCostsOnlyTheArrivingSourceWhenItIsAtItsLimit() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1).maxPendingHandshakes(8).maxPendingPerSource(2), 1);
        long firstOfA = -1;
        for (String source : new String[] {"127.0.0.4", "127.0.0.3", "127.0.0.2", "127.0.0.1"}) {
            for (int i = 0; i < 2; i++) {
                long id = net.acceptRaw("a@h:1", source);
                if (source.equals("127.0.0.1") && i == 0) {
                    firstOfA = id;
                }
            }
        }
        assertThat(net.node("a@h:1").pendingIncomingCount()).isEqualTo(8);

        net.acceptRaw("a@h:1", "127.0.0.1");

        long evicted = firstOfA;
        assertThat(net.events("a@h:1", NodeEvent.HandshakeFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.connection()).isEqualTo(evicted);
            assertThat(f.detail()).startsWith("LIM-5");
        });
    }
}
