package dev.copbot.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.app.loadtest.LocalSlackBot;
import dev.copbot.slack.SlackPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: /metrics scraped over real HTTP from a whole bot, as Prometheus would, with its bearer token. */
class MetricsEndpointTest {
    static final String TOKEN = "metrics-token-9c1d";

    @TempDir
    Path data;
    LocalSlackBot bot;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        bot = LocalSlackBot.start(data, Optional.of(TOKEN));
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    HttpResponse<String> scrape(Optional<String> authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/metrics"));
        authorization.ifPresent(a -> b.header("Authorization", a));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String metrics() throws Exception {
        HttpResponse<String> r = scrape(Optional.of("Bearer " + TOKEN));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        return r.body();
    }

    HttpResponse<String> signed(SlackPayloads.Payload p) throws Exception {
        long ts = System.currentTimeMillis() / 1000;
        return client.send(HttpRequest.newBuilder(URI.create(bot.eventsUrl()))
                .header("Content-Type", p.contentType())
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", SlackPayloads.signature(LocalSlackBot.SECRET, ts, p.body()))
                .POST(HttpRequest.BodyPublishers.ofString(p.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the first series whose name and labels match, or 0 when there is none yet. */
    static double value(String metrics, String name, String... labels) {
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                Matcher m = Pattern.compile(" ([-+0-9.eE]+|NaN)$").matcher(line);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
        }
        return 0;
    }

    @Test
    void aScrapeWithoutTheTokenIsRefused() throws Exception {
        assertThat(scrape(Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(scrape(Optional.empty()).headers().firstValue("www-authenticate")).isPresent();
        assertThat(scrape(Optional.of("Bearer wrong")).statusCode()).isEqualTo(401);
        assertThat(scrape(Optional.of("Bearer " + TOKEN)).statusCode()).isEqualTo(200);
    }

    @Test
    void seriesExistAndMoveAfterACommandAndAMessage() throws Exception {
        String before = metrics();
        assertThat(before).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                "process_cpu_usage", "process_uptime_seconds", "system_cpu_count",
                "copbot_scheduler_due", "copbot_scheduler_scheduled", "copbot_scheduler_running",
                "copbot_index_lag_changes", "copbot_index_unflushed", "copbot_store_messages");
        assertThat(value(before, "copbot_search_backend_up")).as("the embedded index is always up").isEqualTo(1);
        assertThat(value(before, "copbot_platform_api_calls_total", "method=\"auth.test\"", "outcome=\"ok\""))
                .as("the Slack adapter's own auth.test at start").isGreaterThanOrEqualTo(1);
        double helps = value(before, "copbot_commands_seconds_count", "command=\"help\"", "outcome=\"ok\"");

        assertThat(signed(SlackPayloads.slashCommand("help", bot.slack().responseUrl("m1"))).statusCode()).isEqualTo(200);
        assertThat(signed(SlackPayloads.slashCommand("no-such-command", bot.slack().responseUrl("m2"))).statusCode())
                .isEqualTo(200);
        assertThat(signed(SlackPayloads.message("EvM1", "1700000000.000100", "kafka consumer lag")).statusCode())
                .isEqualTo(200);

        String after = metrics();
        assertThat(value(after, "copbot_commands_seconds_count", "command=\"help\"", "outcome=\"ok\"",
                "platform=\"slack\"")).isEqualTo(helps + 1);
        assertThat(after).contains("copbot_commands_seconds_bucket{").contains("command=\"unknown\"");
        assertThat(value(after, "copbot_commands_seconds_count", "command=\"unknown\"", "outcome=\"refused\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "copbot_platform_api_calls_total", "method=\"users.info\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "copbot_messages_ingested_total", "platform=\"slack\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "copbot_http_requests_total", "route=\"/slack/events\"", "status=\"200\""))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void searchAndExpertsAreTimedByName() throws Exception {
        signed(SlackPayloads.slashCommand("search kafka", bot.slack().responseUrl("s")));
        signed(SlackPayloads.slashCommand("experts kafka", bot.slack().responseUrl("e")));
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String m = metrics();
        while (System.nanoTime() < until && (value(m, "copbot_commands_seconds_count", "command=\"search\"") < 1
                || value(m, "copbot_commands_seconds_count", "command=\"experts\"") < 1)) {
            Thread.sleep(100);
            m = metrics();
        }
        assertThat(value(m, "copbot_commands_seconds_count", "command=\"search\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(m, "copbot_commands_seconds_count", "command=\"experts\"")).isGreaterThanOrEqualTo(1);
    }
}
