package dev.snow.ref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.text.Printable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The CLI's event lines: escaped (LOG-1), names cut (LOG-2), failures rate-limited (LOG-3), source shown. */
class EventLinesTest {
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();
    private final EventLines lines = new EventLines(new PrintStream(sink, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), nanos::get, 10);

    private String out() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    private static NodeEvent.HandshakeFailed failed(String peer, String detail) {
        return new NodeEvent.HandshakeFailed(peer, Direction.INCOMING, FailReason.COOKIE_MISMATCH, detail, 1);
    }

    @Test
    void aNameWithBidiAndNextLineCharactersStaysOnOneVisibleLine() {
        lines.onEvent(new NodeEvent.NodeUp("evil@h\u202Etxt.exe\u0085x", 1, 2, Direction.INCOMING, 1), "127.0.0.9:4000");

        assertThat(out()).isEqualTo("node_up node=\"evil@h\\u202Etxt.exe\\u0085x\" node_id=1 creation=2 direction=incoming"
                + " remote=127.0.0.9:4000 at=1970-01-01T00:00:00Z" + System.lineSeparator());
    }

    @Test
    void aFailureCarriesTheSourceAddressEvenWhenTheNameIsValid() {
        lines.onEvent(failed("g@h:9", "AUTH-6: CHALLENGE_REPLY digest does not match our challenge"), "127.0.0.9:4000");

        assertThat(out()).startsWith("handshake_failed peer=g@h:9 direction=incoming reason=cookie_mismatch"
                + " detail=\"AUTH-6: CHALLENGE_REPLY digest does not match our challenge\" remote=127.0.0.9:4000 at=");
    }

    @Test
    void aLongNameIsCut() {
        lines.onEvent(failed("a".repeat(4000) + "@h", null), null);

        assertThat(out()).contains("peer=\"" + "a".repeat(Printable.NAME_MAX) + "...(4002 chars)\"");
        assertThat(out().length()).isLessThan(200);
    }

    @Test
    void repeatedFailuresAreRateLimitedAndTheDroppedLinesCounted() {
        for (int i = 0; i < 1000; i++) {
            lines.onEvent(failed("g@h:9", "AUTH-6"), null);
        }
        assertThat(out().lines()).hasSize(20); // the burst: twice the rate

        nanos.addAndGet(1_000_000_000L); // one second: 10 more lines' worth
        lines.onEvent(failed("g@h:9", "AUTH-6"), null);
        lines.onEvent(new NodeEvent.NodeUp("b@h", 1, 2, Direction.INCOMING, 2), null);

        assertThat(out().lines().skip(20)).containsExactly(
                "log_suppressed event=handshake_failed dropped=980 rule=LOG-3 at=1970-01-01T00:00:00Z",
                "handshake_failed peer=g@h:9 direction=incoming reason=cookie_mismatch detail=AUTH-6 at=1970-01-01T00:00:00Z",
                "node_up node=b@h node_id=1 creation=2 direction=incoming at=1970-01-01T00:00:00Z");
    }

    @Test
    void sessionEventsAreNeverDropped() {
        for (int i = 0; i < 100; i++) {
            lines.onEvent(new NodeEvent.NodeUp("b@h", 1, 2, Direction.INCOMING, i), null);
        }
        assertThat(out().lines()).hasSize(100);
    }
}
