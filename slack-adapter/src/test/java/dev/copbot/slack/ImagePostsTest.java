package dev.copbot.slack;

import static dev.copbot.slack.testing.Pictures.ALT;
import static dev.copbot.slack.testing.Pictures.CHART;
import static dev.copbot.slack.testing.Pictures.PNG;
import static dev.copbot.slack.testing.Pictures.PNG_SIGNATURE;
import static dev.copbot.slack.testing.Pictures.UPLOAD;
import static dev.copbot.slack.testing.Pictures.assertShowsChart;
import static dev.copbot.slack.testing.Pictures.blocks;
import static dev.copbot.slack.testing.Pictures.only;
import static dev.copbot.slack.testing.Pictures.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.slack.testing.FakeSlackApi;
import dev.copbot.slack.testing.OnSlackHarness;
import dev.copbot.slack.testing.SlackHarness;
import dev.copbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pictures in messages the port posts, against the fake Web API: the PNG is uploaded with files.uploadV2 and shared to
 * no channel, and the message shows it in an image block naming the file; when the upload or the picture is refused,
 * the alt text stands in and the message still goes out.
 */
class ImagePostsTest extends OnSlackHarness {
    static final ChannelId GENERAL = UserId.parse("slack:T1:U1").channel("C1");
    /** Slack's answer to a file it cannot use (yet): reported right after an upload. */
    static final String INVALID_SLACK_FILE = "{\"ok\":false,\"error\":\"invalid_blocks\","
            + "\"errors\":[\"invalid slack file [json-pointer:/blocks/1/slack_file]\"]}";

    @Test
    void aPostUploadsThePngToNoChannelAndShowsItInAnImageBlockOfThatFile() {
        h.slack.scriptUpload("F0CHART");
        port.post(GENERAL, Optional.empty(), CHART);

        var ask = h.slack.calls("files.getUploadURLExternal").get(0);
        assertThat(ask.params()).containsEntry("filename", "health.png").containsEntry("alt_txt", ALT)
                .containsEntry("length", Integer.toString(PNG.length));
        byte[] uploaded = h.slack.calls("/upload/F0CHART").get(0).bytes();
        assertThat(Arrays.copyOf(uploaded, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        assertThat(uploaded).isEqualTo(PNG);
        var complete = h.slack.calls("files.completeUploadExternal").get(0);
        assertThat(complete.param("files")).contains("\"id\":\"F0CHART\"");
        assertThat(complete.params()).as("shared to no channel").doesNotContainKeys("channel_id", "channels");

        assertShowsChart(blocks(h.slack.calls("chat.postMessage").get(0).param("blocks")), "F0CHART");
        assertThat(methods()).as("the upload, then the post, nothing else").containsExactly(
                UPLOAD.get(0), UPLOAD.get(1), UPLOAD.get(2), "chat.postMessage");
    }

    @Test
    void withoutTheFilesWriteScopeThePictureIsShownByItsAltTextAndTheMessageStillGoesOut() {
        h.slack.scriptJson("files.getUploadURLExternal", "{\"ok\":false,\"error\":\"missing_scope\","
                + "\"needed\":\"files:write\",\"provided\":\"chat:write\"}");
        port.post(GENERAL, Optional.empty(), CHART);

        JsonArray blocks = blocks(h.slack.calls("chat.postMessage").get(0).param("blocks"));
        assertThat(types(blocks)).doesNotContain("image");
        assertThat(only("context", blocks).toString()).contains("Community health: " + ALT);
        assertThat(methods()).as("no upload, no completion: straight to the post")
                .containsExactly("files.getUploadURLExternal", "chat.postMessage");
    }

    @Test
    void aPictureSlackRefusesRightAfterItsUploadIsSentAgainAndShown() {
        h.slack.scriptUpload("F0CHART");
        h.slack.scriptJson("chat.postMessage", INVALID_SLACK_FILE);
        var posted = port.post(GENERAL, Optional.empty(), CHART);
        assertThat(posted.id()).isEqualTo("1700000000.000100");

        var posts = h.slack.calls("chat.postMessage");
        assertShowsChart(blocks(posts.get(0).param("blocks")), "F0CHART");
        assertShowsChart(blocks(posts.get(1).param("blocks")), "F0CHART");
        assertThat(methods()).containsExactly(UPLOAD.get(0), UPLOAD.get(1), UPLOAD.get(2), "chat.postMessage",
                "chat.postMessage");
    }

    @Test
    void aPictureSlackKeepsRefusingIsSentAsItsAltText() {
        h.slack.scriptUpload("F0CHART");
        h.slack.scriptJson("chat.postMessage", INVALID_SLACK_FILE).scriptJson("chat.postMessage", INVALID_SLACK_FILE);
        var posted = port.post(GENERAL, Optional.empty(), CHART);
        assertThat(posted.id()).isEqualTo("1700000000.000100");

        var posts = h.slack.calls("chat.postMessage");
        assertShowsChart(blocks(posts.get(1).param("blocks")), "F0CHART");
        JsonArray last = blocks(posts.get(2).param("blocks"));
        assertThat(types(last)).doesNotContain("image");
        assertThat(only("context", last).toString()).contains(ALT);
        assertThat(methods()).containsExactly(UPLOAD.get(0), UPLOAD.get(1), UPLOAD.get(2), "chat.postMessage",
                "chat.postMessage", "chat.postMessage");
    }

    @Test
    void theSameChartIsShownFromItsFileAndChartsOlderThanADayAreDeleted() throws Exception {
        h.close();
        TestClock clock = new TestClock(Instant.now());
        h = new SlackHarness(tmp, clock);
        port = h.bot.ports().require(Platform.SLACK);
        h.slack.scriptUpload("F0CHART");
        port.post(GENERAL, Optional.empty(), CHART);
        port.post(GENERAL, Optional.empty(), CHART);
        assertThat(h.slack.calls("files.getUploadURLExternal")).as("uploaded once").hasSize(1);
        assertShowsChart(blocks(h.slack.calls("chat.postMessage").get(1).param("blocks")), "F0CHART");

        clock.set(clock.instant().plus(Duration.ofHours(25)));
        h.slack.scriptUpload("F1CHART");
        port.post(GENERAL, Optional.empty(), CHART);
        assertShowsChart(blocks(h.slack.calls("chat.postMessage").get(2).param("blocks")), "F1CHART");
        assertThat(h.slack.await("files.delete", 1, 5)).singleElement()
                .satisfies(c -> assertThat(c.param("file")).isEqualTo("F0CHART"));
    }

    List<String> methods() {
        return h.slack.callsBesidesAuth().stream().map(FakeSlackApi.Call::method).toList();
    }
}
