package dev.copbot.app.loadtest;

import dev.copbot.slack.SlackPayloads;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: thousands of mutated Slack requests, nearly all correctly signed, against the whole bot over HTTP. None
 * may get an answer of 500 or more, none may go unanswered, and the bot must still answer a plain command after.
 */
class SlackHttpFuzzTest {
    @TempDir
    Path data;

    @Test
    void mutatedSignedRequestsNeverGetAServerErrorAndTheBotStillAnswers() throws Exception {
        try (LocalSlackBot bot = LocalSlackBot.start(data, Optional.empty())) {
            SlackFuzz fuzz = new SlackFuzz(bot.eventsUrl(), LocalSlackBot.SECRET, bot.slack().responseUrl("fuzz"));
            SlackFuzz.Result result = fuzz.run(18, 3000, 8);
            System.out.println(SlackFuzz.describe(result));

            assertThat(result.total()).isEqualTo(3000);
            assertThat(result.serverErrors()).as(SlackFuzz.describe(result)).isZero();
            assertThat(result.transportErrors()).as(SlackFuzz.describe(result)).isZero();
            assertThat(result.byStatus()).as("malformed bodies are refused with 400").containsKey(400);
            assertThat(result.byStatus()).as("unsigned or stale ones with 401").containsKey(401);

            var help = SlackPayloads.slashCommand("help", bot.slack().responseUrl("after"));
            long ts = System.currentTimeMillis() / 1000;
            HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bot.eventsUrl()))
                    .header("Content-Type", help.contentType())
                    .header("X-Slack-Request-Timestamp", Long.toString(ts))
                    .header("X-Slack-Signature", SlackPayloads.signature(LocalSlackBot.SECRET, ts, help.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(help.body())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("CoP Bot");
        }
    }

    @Test
    void theSameSeedSendsTheSameCases() {
        SlackFuzz fuzz = new SlackFuzz("http://127.0.0.1:1/slack/events", "s", "http://127.0.0.1:1/r");
        for (int i = 0; i < 50; i++) {
            assertThat(fuzz.generate(new Random(i), i)).isEqualTo(fuzz.generate(new Random(i), i));
        }
    }
}
