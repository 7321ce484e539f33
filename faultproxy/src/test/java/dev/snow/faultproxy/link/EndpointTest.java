package dev.snow.faultproxy.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** listen / upstream addresses as Toxiproxy spells them. */
class EndpointTest {

  @Test
  void parsesHostPortForms() {
    assertThat(Endpoint.parse("127.0.0.1:8474")).isEqualTo(new Endpoint("127.0.0.1", 8474));
    assertThat(Endpoint.parse("[::1]:0")).isEqualTo(new Endpoint("::1", 0));
    assertThat(Endpoint.parse(":9")).isEqualTo(new Endpoint("", 9));
  }

  @Test
  void refusesWhatIsNotHostPortNamingTheValue() {
    assertThatThrownBy(() -> Endpoint.parse("localhost")).hasMessage("address must be host:port, saw \"localhost\"");
    assertThatThrownBy(() -> Endpoint.parse("h:http")).hasMessage("port must be a number, saw \"h:http\"");
    assertThatThrownBy(() -> Endpoint.parse("h:70000")).hasMessage("port must be in 0..65535, saw 70000");
  }

  @Test
  void formatsAsGoDoes() throws Exception {
    assertThat(Endpoint.format(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80))).isEqualTo("127.0.0.1:80");
    assertThat(Endpoint.format(new InetSocketAddress(InetAddress.getByName("::1"), 80))).isEqualTo("[::1]:80");
    assertThat(Endpoint.parse(":5").resolve().getAddress().isLoopbackAddress()).isTrue();
  }
}
