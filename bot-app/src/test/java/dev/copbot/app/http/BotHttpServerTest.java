package dev.copbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

class BotHttpServerTest {
    final HttpClient client = HttpClient.newHttpClient();

    java.net.http.HttpResponse<String> post(int port, String path, String body) throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Test", "yes").POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    @Test
    void routesByLongestPrefixAndNeverLeaksAFailure() throws Exception {
        try (BotHttpServer server = new BotHttpServer()
                .route("/slack/", r -> HttpResponse.text(200, "slack " + r.method() + " " + r.bodyText() + " " + r.header("x-test").orElse("")))
                .route("/slack/events", r -> HttpResponse.json(200, "{\"path\":\"" + r.path() + "\"}"))
                .route("/boom", r -> {
                    throw new IllegalStateException("secret detail");
                })
                .start("127.0.0.1", 0)) {
            int port = server.port();
            assertThat(post(port, "/slack/other", "hi").body()).isEqualTo("slack POST hi yes");
            var events = post(port, "/slack/events", "{}");
            assertThat(events.body()).isEqualTo("{\"path\":\"/slack/events\"}");
            assertThat(events.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
            var boom = post(port, "/boom", "");
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(boom.body()).contains("reference").doesNotContain("secret");
            assertThat(post(port, "/nowhere", "").statusCode()).isEqualTo(404);
            assertThat(post(port, "/healthz", "").body()).isEqualTo("ok");
            assertThat(post(port, "/slack/x", "a".repeat(BotHttpServer.MAX_BODY + 1)).statusCode()).isEqualTo(413);
        }
    }
}
