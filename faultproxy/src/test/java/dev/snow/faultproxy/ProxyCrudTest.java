package dev.snow.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proxies and toxics created, read, updated and deleted through the official client. */
class ProxyCrudTest {

  private FaultServer server;
  private ToxiproxyClient client;
  private EchoServer echo;

  @BeforeEach
  void start() throws IOException {
    server = FaultServer.start("127.0.0.1", 0);
    client = new ToxiproxyClient("127.0.0.1", server.port());
    echo = EchoServer.echo();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    echo.close();
  }

  @Test
  void versionAndUrlNameTheServer() throws IOException {
    assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    assertThat(client.version()).contains("\"version\"").contains(Api.VERSION);
  }

  @Test
  void createWithPortZeroReportsTheBoundPortAndForwards() throws IOException {
    Proxy p = client.createProxy("a", "127.0.0.1:0", echo.address());

    assertThat(p.getName()).isEqualTo("a");
    assertThat(p.getListen()).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo("127.0.0.1:0");
    assertThat(p.getUpstream()).isEqualTo(echo.address());
    assertThat(p.isEnabled()).isTrue();
    try (Socket s = Tcp.dial(p.getListen(), 5_000)) {
      Tcp.roundTripMs(s, "hello".getBytes());
    }
  }

  @Test
  void listGetAndDelete() throws IOException {
    client.createProxy("b", "127.0.0.1:0", echo.address());
    client.createProxy("a", "127.0.0.1:0", echo.address());

    assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("a", "b");
    assertThat(client.getProxy("b").getUpstream()).isEqualTo(echo.address());

    client.getProxy("a").delete();
    assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("b");
    assertThat(client.getProxyOrNull("a")).isNull();
  }

  @Test
  void updateMovesTheProxyToANewUpstreamAndPort() throws IOException {
    Proxy p = client.createProxy("a", "127.0.0.1:0", "127.0.0.1:1");
    String firstListen = p.getListen();

    p.setUpstream(echo.address());
    p.setListen("127.0.0.1:0");

    assertThat(p.getUpstream()).isEqualTo(echo.address());
    assertThat(p.getListen()).isNotEqualTo(firstListen).isNotEqualTo("127.0.0.1:0");
    try (Socket s = Tcp.dial(p.getListen(), 5_000)) {
      Tcp.roundTripMs(s, "moved".getBytes());
    }
    assertThatThrownBy(() -> Tcp.dial(firstListen, 1_000).close()).isInstanceOf(ConnectException.class);
  }

  @Test
  void toxicsAreCreatedListedUpdatedAndRemoved() throws IOException {
    Proxy p = client.createProxy("a", "127.0.0.1:0", echo.address());

    Latency latency = p.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 100);
    p.toxics().bandwidth("thin", ToxicDirection.UPSTREAM, 1000);
    latency.setJitter(20).setLatency(150);
    latency.setToxicity(0.5f);

    Latency read = p.toxics().get("slow", Latency.class);
    assertThat(read.getLatency()).isEqualTo(150);
    assertThat(read.getJitter()).isEqualTo(20);
    assertThat(read.getToxicity()).isEqualTo(0.5f);
    assertThat(read.getStream()).isEqualTo(ToxicDirection.DOWNSTREAM);
    assertThat(p.toxics().getAll()).extracting(t -> t.getName()).containsExactly("thin", "slow");

    read.remove();
    assertThat(p.toxics().getAll()).extracting(t -> t.getName()).containsExactly("thin");
    assertThat(client.getProxies().get(0).toxics().getAll()).hasSize(1);
  }

  @Test
  void everyToxiproxyToxicTypeIsAcceptedWithItsAttributes() throws IOException {
    Proxy p = client.createProxy("a", "127.0.0.1:0", echo.address());
    p.toxics().latency("l", ToxicDirection.DOWNSTREAM, 1);
    p.toxics().bandwidth("b", ToxicDirection.DOWNSTREAM, 1);
    p.toxics().slowClose("s", ToxicDirection.DOWNSTREAM, 1);
    p.toxics().timeout("t", ToxicDirection.UPSTREAM, 1);
    p.toxics().resetPeer("r", ToxicDirection.UPSTREAM, 1);
    p.toxics().slicer("c", ToxicDirection.UPSTREAM, 10, 2).setDelay(5);
    p.toxics().limitData("d", ToxicDirection.UPSTREAM, 99);

    assertThat(p.toxics().getAll()).extracting(t -> t.getName())
        .containsExactly("t", "r", "c", "d", "l", "b", "s");
    assertThat(p.toxics().get("c", eu.rekawek.toxiproxy.model.toxic.Slicer.class).getDelay()).isEqualTo(5);
    assertThat(p.toxics().get("d", eu.rekawek.toxiproxy.model.toxic.LimitData.class).getBytes()).isEqualTo(99);
  }

  @Test
  void errorsComeBackAsToxiproxyWordsThem() throws IOException {
    Proxy p = client.createProxy("a", "127.0.0.1:0", echo.address());
    p.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 1);

    assertThatThrownBy(() -> client.getProxy("nope")).hasMessage("[404] proxy not found");
    assertThatThrownBy(() -> client.createProxy("a", "127.0.0.1:0", echo.address()))
        .hasMessage("[409] proxy already exists");
    assertThatThrownBy(() -> p.toxics().latency("slow", ToxicDirection.UPSTREAM, 1))
        .hasMessage("[409] toxic already exists");
    assertThatThrownBy(() -> p.toxics().get("nope")).hasMessage("[404] toxic not found");
    assertThatThrownBy(() -> client.createProxy("b", p.getListen(), echo.address()))
        .hasMessageStartingWith("[500] listen tcp " + p.getListen() + ": bind: address already in use");
  }
}
