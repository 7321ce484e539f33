package dev.snow.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status codes and bodies, byte for byte, for the answers a client can get wrong. */
class ApiAnswersTest {

  private FaultServer server;
  private EchoServer echo;

  @BeforeEach
  void start() throws IOException {
    server = FaultServer.start("127.0.0.1", 0);
    echo = EchoServer.echo();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    echo.close();
  }

  private Http.Answer create(String name) throws IOException {
    return Http.call(server, "POST", "/proxies",
        "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}");
  }

  @Test
  void createAnswers201WithTheProxyInToxiproxyFieldOrder() throws IOException {
    Http.Answer a = create("a");

    assertThat(a.status()).isEqualTo(201);
    assertThat(a.body()).matches("\\{\"name\":\"a\",\"listen\":\"127\\.0\\.0\\.1:\\d+\",\"upstream\":\""
        + echo.address().replace(".", "\\.") + "\",\"enabled\":true,\"toxics\":\\[]}");
  }

  @Test
  void notFoundAndConflictBodies() throws IOException {
    create("a");

    assertThat(Http.call(server, "GET", "/proxies/zz", null))
        .isEqualTo(new Http.Answer(404, "{\"error\":\"proxy not found\",\"status\":404}"));
    assertThat(create("a")).isEqualTo(new Http.Answer(409, "{\"error\":\"proxy already exists\",\"status\":409}"));
    assertThat(Http.call(server, "DELETE", "/proxies/a/toxics/zz", null))
        .isEqualTo(new Http.Answer(404, "{\"error\":\"toxic not found\",\"status\":404}"));
    assertThat(Http.call(server, "GET", "/proxies/zz/toxics", null).status()).isEqualTo(404);
  }

  @Test
  void badInputIs400AndNamesWhatWasWrong() throws IOException {
    create("a");

    Http.Answer badJson = Http.call(server, "POST", "/proxies", "{\"name\":");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.body()).startsWith("{\"error\":\"bad request body: ");
    assertThat(Http.call(server, "POST", "/proxies", "{\"upstream\":\"127.0.0.1:1\"}"))
        .isEqualTo(new Http.Answer(400, "{\"error\":\"missing required field: name\",\"status\":400}"));
    assertThat(Http.call(server, "POST", "/proxies", "{\"name\":\"x\"}"))
        .isEqualTo(new Http.Answer(400, "{\"error\":\"missing required field: upstream\",\"status\":400}"));
    assertThat(Http.call(server, "POST", "/proxies/a/toxics", "{\"type\":\"teleport\"}"))
        .isEqualTo(new Http.Answer(400, "{\"error\":\"invalid toxic type\",\"status\":400}"));
    assertThat(Http.call(server, "POST", "/proxies/a/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}"))
        .isEqualTo(new Http.Answer(400,
            "{\"error\":\"stream was invalid, can be either upstream or downstream\",\"status\":400}"));
    Http.Answer badAttr = Http.call(server, "POST", "/proxies/a/toxics",
        "{\"type\":\"latency\",\"attributes\":{\"latency\":\"soon\"}}");
    assertThat(badAttr.status()).isEqualTo(400);
    assertThat(badAttr.body()).contains("attribute latency must be a number, saw \\\"soon\\\"");
    Http.Answer badRate = Http.call(server, "POST", "/proxies/a/toxics",
        "{\"type\":\"loss\",\"attributes\":{\"rate\":1.5}}");
    assertThat(badRate.status()).isEqualTo(400);
    assertThat(badRate.body()).contains("attribute rate must be in [0, 1], saw 1.5");
    assertThat(Http.call(server, "GET", "/proxies/a/toxics", null)).isEqualTo(new Http.Answer(200, "[]"));
  }

  @Test
  void toxicDefaultsFollowToxiproxy() throws IOException {
    create("a");

    Http.Answer a = Http.call(server, "POST", "/proxies/a/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":5}}");

    assertThat(a).isEqualTo(new Http.Answer(200, "{\"attributes\":{\"latency\":5,\"jitter\":0},"
        + "\"name\":\"latency_downstream\",\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1.0}"));
    Http.Answer loss = Http.call(server, "POST", "/proxies/a/toxics",
        "{\"type\":\"loss\",\"stream\":\"UpStream\",\"attributes\":{\"rate\":0.25,\"seed\":9}}");
    assertThat(loss.body()).isEqualTo("{\"attributes\":{\"rate\":0.25,\"seed\":9},\"name\":\"loss_upstream\","
        + "\"type\":\"loss\",\"stream\":\"upstream\",\"toxicity\":1.0}");
  }

  @Test
  void routesMethodsAndBrowsersAnswerAsGorillaAndToxiproxyDo() throws IOException {
    assertThat(Http.call(server, "GET", "/nowhere", null)).isEqualTo(new Http.Answer(404, "404 page not found\n"));
    assertThat(Http.call(server, "PUT", "/proxies", "{}").status()).isEqualTo(405);
    assertThat(Http.call(server, "GET", "/reset", null).status()).isEqualTo(405);
    assertThat(Http.call(server, "GET", "/proxies", null, "Mozilla/5.0"))
        .isEqualTo(new Http.Answer(403, "User agent not allowed\n"));
    assertThat(Http.call(server, "GET", "/version", null))
        .isEqualTo(new Http.Answer(200, "{\"version\": \"" + Api.VERSION + "\"}\n"));
  }

  @Test
  void anOversizedBodyIsRefusedWithoutBeingBuffered() throws IOException {
    String huge = "[" + "0,".repeat(Api.MAX_BODY / 2) + "0]";

    Http.Answer a = Http.call(server, "POST", "/populate", huge);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("larger than " + Api.MAX_BODY + " bytes");
  }

  @Test
  void populateCreatesKeepsAndReplaces() throws IOException {
    String two = "[{\"name\":\"x\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"},"
        + "{\"name\":\"y\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\",\"enabled\":false}]";

    Http.Answer first = Http.call(server, "POST", "/populate", two);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body()).startsWith("{\"proxies\":[{\"name\":\"x\"").contains("\"enabled\":false");
    String xListen = ApiJson.MAPPER.readTree(first.body()).at("/proxies/0/listen").asText();

    String same = "[{\"name\":\"x\",\"listen\":\"" + xListen + "\",\"upstream\":\"" + echo.address() + "\"}]";
    Http.Answer kept = Http.call(server, "POST", "/populate", same);
    assertThat(ApiJson.MAPPER.readTree(kept.body()).at("/proxies/0/listen").asText()).isEqualTo(xListen);

    Http.Answer invalid = Http.call(server, "POST", "/populate", "[{\"name\":\"z\"}]");
    assertThat(invalid).isEqualTo(new Http.Answer(400,
        "{\"error\":\"missing required field: upstream at proxy 1\",\"status\":400,\"proxies\":[]}"));
    assertThat(Http.call(server, "GET", "/proxies/z", null).status()).isEqualTo(404);
  }
}
