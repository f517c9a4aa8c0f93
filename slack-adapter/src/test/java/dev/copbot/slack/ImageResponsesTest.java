package dev.copbot.slack;

import static dev.copbot.core.command.CommandSpec.command;
import static dev.copbot.slack.testing.Pictures.ALT;
import static dev.copbot.slack.testing.Pictures.CHART;
import static dev.copbot.slack.testing.Pictures.UPLOAD;
import static dev.copbot.slack.testing.Pictures.assertShowsChart;
import static dev.copbot.slack.testing.Pictures.only;
import static dev.copbot.slack.testing.Pictures.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.copbot.slack.testing.FakeSlackApi;
import dev.copbot.slack.testing.SlackHarness;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures in answers to commands and clicks: acknowledged at once, the PNG uploaded, then answered through the
 * response URL, which also tells when Slack refuses the picture (then the alt text goes instead).
 */
class ImageResponsesTest {
    static final String COMMAND_URL = "/commands/T1/1/x";

    @TempDir
    Path tmp;
    SlackHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SlackHarness(tmp, Clock.systemUTC());
        h.bot.router().register(command("chart").summary("Shows a chart.").handler(ctx -> CHART));
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    SlackHarness.Answer cop(String text) throws Exception {
        return h.signed(SlackHarness.FORM, SlackPayloads.slashCommand(text, h.slack.url(COMMAND_URL)).body());
    }

    @Test
    void aCommandWithAChartIsAcknowledgedAtOnceAndAnsweredWithTheImageThroughTheResponseUrl() throws Exception {
        h.slack.scriptUpload("F0CHART");
        var ack = cop("chart");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).as("answered after the upload, through the response URL").isEmpty();

        JsonObject answer = h.slack.await(COMMAND_URL, 1, 10).get(0).json();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("in_channel");
        assertShowsChart(answer.getAsJsonArray("blocks"), "F0CHART");
        assertThat(methods()).containsExactly("users.info", UPLOAD.get(0), UPLOAD.get(1), UPLOAD.get(2), COMMAND_URL);
    }

    @Test
    void aChartTheResponseUrlKeepsRefusingIsAnsweredWithItsAltText() throws Exception {
        h.slack.scriptUpload("F0CHART");
        // What a response URL answers to blocks Slack cannot take: once, and again after the pause.
        for (int i = 0; i < 2; i++) {
            h.slack.script(COMMAND_URL, () -> new MockResponse.Builder().code(404)
                    .body("{\"ok\":false,\"error\":\"invalid_blocks\"}").build());
        }
        cop("chart");

        var answers = h.slack.await(COMMAND_URL, 3, 10);
        assertShowsChart(answers.get(1).json().getAsJsonArray("blocks"), "F0CHART");
        var last = answers.get(2).json().getAsJsonArray("blocks");
        assertThat(types(last)).doesNotContain("image");
        assertThat(only("context", last).toString()).contains(ALT);
        assertThat(methods()).containsExactly("users.info", UPLOAD.get(0), UPLOAD.get(1), UPLOAD.get(2), COMMAND_URL,
                COMMAND_URL, COMMAND_URL);
    }

    @Test
    void aButtonThatRunsTheChartCommandAnswersWithTheImageAsANewMessage() throws Exception {
        h.slack.scriptUpload("F0CHART");
        String click = SlackPayloads.buttonClick("chart", "Chart", h.slack.url("/actions/T1/55/xyz")).body();
        assertThat(h.signed(SlackHarness.FORM, click).status()).isEqualTo(200);

        JsonObject answer = h.slack.await("/actions/T1/55/xyz", 1, 10).get(0).json();
        assertThat(answer.get("replace_original").getAsBoolean()).isFalse();
        assertShowsChart(answer.getAsJsonArray("blocks"), "F0CHART");
        assertThat(methods()).containsExactly("users.info", UPLOAD.get(0), UPLOAD.get(1), UPLOAD.get(2),
                "/actions/T1/55/xyz");
    }

    List<String> methods() {
        return h.slack.callsBesidesAuth().stream().map(FakeSlackApi.Call::method).toList();
    }
}
