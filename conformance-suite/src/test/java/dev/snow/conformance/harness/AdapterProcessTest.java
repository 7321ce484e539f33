package dev.snow.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter client against fake adapter processes: replies, events, capture, and one clear message per breach. */
class AdapterProcessTest {
    private static final Path HERE = Path.of("").toAbsolutePath();

    private static AdapterProcess launch(String mode, Duration ready) {
        return AdapterProcess.launch("fake", FakeAdapter.command(mode), HERE, Map.of(), ready, List.of("s3cret-cookie"));
    }

    @Test
    void repliesEventsAndTheExchangeAreCapturedWithTheCookieMasked() {
        try (AdapterProcess a = launch("good", Duration.ofSeconds(20))) {
            assertThat(a.readyLine().path("implementation").asText()).isEqualTo("fake");
            Iut iut = Iut.start(a, NodeOptions.of("iut@127.0.0.1", "s3cret-cookie").withCreation(5), Timeouts.DEFAULT);
            assertThat(iut.port()).isEqualTo(40001);
            assertThat(iut.creation()).isEqualTo(5);
            int mark = iut.mark();
            iut.connect("peer@127.0.0.1:1", "127.0.0.1:1");
            Event up = iut.await(mark, "node_up", e -> e.is("node_up"), Duration.ofSeconds(5));
            assertThat(up.node()).isEqualTo("peer@127.0.0.1:1");
            assertThat(iut.sessions()).isEmpty();
            JsonNode unknown = iut.unknownCommand();
            assertThat(unknown.path("code").asText()).isEqualTo("unsupported");
            assertThatThrownBy(() -> iut.call(a.command("time_compare"))).isInstanceOf(UnsupportedByIut.class);
            String exchange = a.log().exchange(0);
            assertThat(exchange).contains("> {\"id\":1,\"cmd\":\"start\"", "<secret>", "< {\"event\":\"node_up\"").doesNotContain("s3cret-cookie");
            iut.stop();
        }
    }

    @Test
    void anAdapterThatNeverSaysReadyEndsWithOneClearMessage() {
        assertThatThrownBy(() -> launch("never-ready", Duration.ofSeconds(2)))
                .isInstanceOf(AdapterException.class).hasMessageContaining("did not say ready within 2 s");
    }

    @Test
    void aStdoutLineThatIsNotJsonIsAContractBreach() {
        assertThatThrownBy(() -> launch("not-json", Duration.ofSeconds(20)))
                .isInstanceOf(AdapterException.class).hasMessageContaining("not a JSON object").hasMessageContaining("hello, I am not JSON");
    }

    @Test
    void anotherContractVersionIsRefused() {
        assertThatThrownBy(() -> launch("wrong-version", Duration.ofSeconds(20)))
                .isInstanceOf(AdapterException.class).hasMessageContaining("contract version \"2\"");
    }

    @Test
    void aCommandThatDoesNotExistIsReportedWithItsExitStatus() {
        assertThatThrownBy(() -> AdapterProcess.launch("missing", "/nonexistent/snow-adapter --adapter", HERE, Map.of(),
                Duration.ofSeconds(20), List.of()))
                .isInstanceOf(AdapterException.class).hasMessageContaining("status 127").hasMessageContaining("command not found");
    }

    @Test
    void anAdapterThatExitsShowsItsStderr() {
        assertThatThrownBy(() -> launch("exit", Duration.ofSeconds(20)))
                .isInstanceOf(AdapterException.class).hasMessageContaining("status 3").hasMessageContaining("cannot start, giving up");
    }

    @Test
    void aCommandWithoutReplyTimesOutWithItsName() {
        try (AdapterProcess a = launch("no-reply", Duration.ofSeconds(20))) {
            assertThatThrownBy(() -> a.request(a.command("sessions"), Duration.ofMillis(300)))
                    .isInstanceOf(AdapterException.class).hasMessageContaining("did not answer 'sessions'").hasMessageContaining("300 ms");
        }
    }
}
