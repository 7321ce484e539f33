package dev.snow.ref.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.ref.node.NodeConfig;
import org.junit.jupiter.api.Test;

/** The optional start fields of LIM-5 and LIM-6 (docs/ADAPTER.md), and the adapter's defaults. */
class StartRequestHygieneTest {
    private static NodeConfig parse(String json) throws Exception {
        return StartRequest.parse(new Fields((ObjectNode) JsonLines.MAPPER.readTree(json))).config();
    }

    @Test
    void theThrottleIsOffAndAShortCookieIsTakenAsGivenByDefault() throws Exception {
        NodeConfig c = parse("{\"name\":\"iut@127.0.0.1\",\"cookie\":\"c\"}");

        assertThat(c.authThrottle().enabled()).as("a conformance run guesses wrong digests on purpose").isFalse();
        assertThat(c.cookie()).isEqualTo("c");
        assertThat(c.maxPendingPerSource()).isEqualTo(NodeConfig.DEFAULT_MAX_PENDING_PER_SOURCE);
    }

    @Test
    void theFieldsSetPerSourceLimitAndThrottle() throws Exception {
        NodeConfig c = parse("{\"name\":\"iut@127.0.0.1\",\"cookie\":\"c\",\"max_pending_per_source\":2,"
                + "\"auth_failure_threshold\":3,\"auth_backoff_ms\":250,\"auth_backoff_max_ms\":4000}");

        assertThat(c.maxPendingPerSource()).isEqualTo(2);
        assertThat(c.authThrottle().threshold()).isEqualTo(3);
        assertThat(c.authThrottle().backoffNanos()).isEqualTo(250_000_000L);
        assertThat(c.authThrottle().maxBackoffNanos()).isEqualTo(4_000_000_000L);
    }

    @Test
    void aBackoffMaxBelowTheBackoffIsABadRequestNamingBoth() {
        assertThatThrownBy(() -> parse("{\"name\":\"iut@127.0.0.1\",\"cookie\":\"c\",\"auth_failure_threshold\":3,"
                + "\"auth_backoff_ms\":5000,\"auth_backoff_max_ms\":1000}"))
                .isInstanceOf(CommandError.class).hasMessageContaining("auth_backoff_max must be at least auth_backoff");
    }
}
