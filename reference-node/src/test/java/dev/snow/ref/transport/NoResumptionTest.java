package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.snow.ref.handshake.Profile;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS-4: a node resumes no TLS session. A client that keeps and offers whatever ticket it is
 * given still sees the node's certificate on every connection, with either TLS provider and in
 * either profile. {@link ResumptionProbeControlTest} shows the probe does see a resumption
 * where a server allows one.
 */
class NoResumptionTest {

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void every_connection_is_a_full_handshake(TlsProvider provider) throws IOException {
        assumeTrue(provider == TlsProvider.JDK || TlsContexts.openSslUsable(), "BoringSSL is not usable here");
        for (Profile profile : Profile.values()) {
            try (TestNodes nodes = new TestNodes()) {
                SnowNode node = nodes.start("resume", "cookie", new EventLog(), b -> b.profile(profile), provider);
                ResumptionProbe probe = new ResumptionProbe();

                probe.connectOnce(TestNodes.addressOf(node), "probe@127.0.0.1");
                probe.connectOnce(TestNodes.addressOf(node), "probe@127.0.0.1");
                probe.connectOnce(TestNodes.addressOf(node), "probe@127.0.0.1");

                assertThat(probe.certificatesSeen())
                        .as("TLS-4: server certificates shown over 3 connections (%s, %s); fewer means a resumed session", provider, profile)
                        .isEqualTo(3);
            }
        }
    }
}
