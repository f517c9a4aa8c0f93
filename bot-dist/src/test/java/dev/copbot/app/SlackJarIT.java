package dev.copbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copbot run} from the packaged jar in HTTP mode, with Slack's Web API played by a MockWebServer: signed
 * requests are answered, tampered ones refused, and replies reach the fake as Block Kit.
 */
class SlackJarIT {
    static final String SECRET = "it-signing-secret-8f742231b10e";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    final List<RecordedRequest> calls = new CopyOnWriteArrayList<>();
    final MockWebServer slack = new MockWebServer();
    final HttpClient http = HttpClient.newHttpClient();
    Process copbot;
    int port;

    @AfterEach
    void stop() throws Exception {
        if (copbot != null) {
            copbot.destroy();
            assertThat(copbot.waitFor(20, TimeUnit.SECONDS)).as("copbot stops on SIGTERM").isTrue();
        }
        slack.close();
    }

    void start() throws Exception {
        slack.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                calls.add(r);
                String path = r.getUrl().encodedPath();
                String body = switch (path) {
                    case "/api/auth.test" -> "{\"ok\":true,\"team\":\"Acme\",\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"user\":\"copbot\"}";
                    case "/api/users.info" -> "{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"alice\",\"tz\":\"Europe/Berlin\","
                            + "\"profile\":{\"display_name\":\"alice\"}}}";
                    case "/api/chat.postMessage" -> "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}";
                    default -> path.startsWith("/api/") ? "{\"ok\":true}" : "ok";
                };
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
            }
        });
        slack.start();
        port = TheJar.freePort();
        ProcessBuilder pb = TheJar.run(dir);
        pb.environment().put("SLACK_BOT_TOKEN", "xoxb-1111111111-2222222222-integrationtoken");
        pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
        pb.environment().put("SLACK_API_URL", slack.url("/api/").toString());
        pb.environment().put("COPBOT_HTTP_PORT", Integer.toString(port));
        pb.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        copbot = pb.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            assertThat(copbot.isAlive()).as(() -> "copbot exited: " + log()).isTrue();
            if (log().contains("Slack connected")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("copbot did not connect to the fake Slack within 60 s: " + log());
    }

    String log() {
        try {
            return Files.readString(dir.resolve("stderr.txt")) + Files.readString(dir.resolve("stdout.txt"));
        } catch (Exception e) {
            return "";
        }
    }

    static String sign(long ts, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> post(String body, String signature, long ts) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(ts)).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String slashCommand(String text) {
        return "token=x&team_id=T1&team_domain=acme&channel_id=C1&channel_name=general&user_id=U1&user_name=alice"
                + "&command=%2Fcop&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&api_app_id=A1"
                + "&response_url=" + URLEncoder.encode(slack.url("/commands/T1/1/abc").toString(), StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
    }

    @Test
    void answersSignedCommandsRefusesTamperedOnesAndRepliesReachSlackAsBlockKit() throws Exception {
        start();
        long now = System.currentTimeMillis() / 1000;
        String help = slashCommand("help");
        long sent = System.nanoTime();
        HttpResponse<String> answer = post(help, sign(now, help), now);
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        JsonNode ack = JSON.readTree(answer.body());
        assertThat(ack.get("text").asText()).contains("CoP Bot");
        assertThat(ack.get("blocks").size()).isPositive();

        String tampered = help.replace("text=help", "text=hel");
        assertThat(post(tampered, sign(now, help), now).statusCode()).isEqualTo(401);

        String search = slashCommand("search rotate tls cert");
        assertThat(post(search, sign(now, search), now).statusCode()).isEqualTo(200);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RecordedRequest delivered = null;
        while (delivered == null && System.nanoTime() < until) {
            delivered = calls.stream().filter(c -> c.getUrl().encodedPath().equals("/commands/T1/1/abc")).findFirst()
                    .orElse(null);
            Thread.sleep(50);
        }
        assertThat(delivered).as("the search answer reached the response URL").isNotNull();
        JsonNode payload = JSON.readTree(delivered.getBody().utf8());
        assertThat(payload.get("blocks").get(0).get("type").asText()).isEqualTo("section");
        assertThat(log()).doesNotContain("\tat ");
    }
}
