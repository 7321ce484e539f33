package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.Profile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A configuration copied through its builder keeps every setting it did not change. */
class NodeConfigTest {
    @Test
    void toBuilderKeepsEverySettingAndChangesOnlyWhatIsAsked() throws Exception {
        AuthThrottleSettings throttle = AuthThrottleSettings.of(3, Duration.ofSeconds(2), Duration.ofSeconds(30));
        NodeConfig original = NodeConfig.builder("a@127.0.0.1", "0123456789abcdef").creation(7)
                .heartbeatInterval(Duration.ofMillis(300)).heartbeatTimeout(Duration.ofMillis(400))
                .handshakeTimeout(Duration.ofMillis(500)).maxNodeId(9).maxPendingHandshakes(12)
                .maxPendingPerSource(3).authThrottle(throttle).profile(Profile.HARDENED).build();

        NodeConfig copy = original.toBuilder().build();
        NodeConfig changed = original.toBuilder().maxNodeId(10).build();

        assertThat(copy.toString()).isEqualTo(original.toString());
        assertThat(copy.cookie()).isEqualTo(original.cookie());
        assertThat(changed.maxNodeId()).isEqualTo(10);
        assertThat(changed.toString().replace("max_node_id=10", "max_node_id=9")).isEqualTo(original.toString());
    }
}
