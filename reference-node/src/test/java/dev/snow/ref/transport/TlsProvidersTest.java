package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.snow.ref.node.NodeEvent.NodeUp;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The OpenSSL (BoringSSL) provider interoperates with the JDK one in both directions and keeps
 * TLS-1: TLS 1.3 only. Skipped where BoringSSL cannot load (the JDK provider is then used).
 */
class TlsProvidersTest {

    @Test
    void jdk_and_openssl_nodes_connect_both_ways() {
        assumeTrue(TlsContexts.openSslUsable(), "netty-tcnative BoringSSL is not usable on this platform");
        try (TestNodes nodes = new TestNodes()) {
            EventLog jdkLog = new EventLog();
            EventLog sslLog = new EventLog();
            SnowNode jdk = nodes.start("jdk", "cookie", jdkLog, b -> b, TlsProvider.JDK);
            SnowNode ssl = nodes.start("ssl", "cookie", sslLog, b -> b, TlsProvider.OPENSSL);
            assertThat(ssl.tlsProvider()).isEqualTo(TlsProvider.OPENSSL);

            TestNodes.connect(jdk, ssl);
            assertThat(sslLog.await(NodeUp.class, 0, TestNodes.WAIT).node()).isEqualTo(jdk.name());
            jdk.disconnect(ssl.name()).join();
            Await.until("ssl saw the session end", TestNodes.WAIT, () -> ssl.sessions().join().isEmpty());

            int mark = jdkLog.mark();
            TestNodes.connect(ssl, jdk);
            assertThat(jdkLog.await(NodeUp.class, mark, TestNodes.WAIT).node()).isEqualTo(ssl.name());
        }
    }

    @Test
    void an_openssl_node_refuses_tls_1_2() throws IOException {
        assumeTrue(TlsContexts.openSslUsable(), "netty-tcnative BoringSSL is not usable on this platform");
        try (TestNodes nodes = new TestNodes()) {
            SnowNode ssl = nodes.start("ssl", "cookie", new EventLog(), b -> b, TlsProvider.OPENSSL);
            try (SSLSocket s = RawClient.tls(TestNodes.addressOf(ssl), "TLSv1.2")) {
                s.setSoTimeout(5000);
                Assertions.assertThatThrownBy(s::startHandshake).isInstanceOf(IOException.class);
            }
            try (Socket s = RawClient.plain(TestNodes.addressOf(ssl))) {
                s.getOutputStream().write(new byte[] {0, 0, 0, 1, 1});
                assertThat(RawClient.closedByPeerWithin(s, Duration.ofSeconds(5))).isTrue();
            }
        }
    }
}
