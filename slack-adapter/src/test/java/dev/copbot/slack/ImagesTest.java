package dev.copbot.slack;

import static dev.copbot.core.command.CommandSpec.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Reply;
import dev.copbot.slack.testing.FakeSlackApi;
import dev.copbot.slack.testing.SlackHarness;
import dev.copbot.slack.testing.SlackRequests;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core pictures on Slack, against the fake Web API: the PNG is uploaded with files.uploadV2 and shared to no channel,
 * and the message shows it in an image block naming the file; when the upload or the picture is refused, the alt text
 * stands in and the reply still goes out.
 */
class ImagesTest {
    static final ChannelId GENERAL = UserId.parse("slack:T1:U1").channel("C1");
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static final byte[] PNG = png();
    static final String ALT = "Messages a week in #sre, rising from 4 to 19";
    static final Reply CHART = Reply.ok("Health of #sre").inChannel()
            .with(new Block.Image("Community health", ALT, "health.png", PNG));
    static final List<String> UPLOAD = List.of("files.getUploadURLExternal", "/upload/F0CHART",
            "files.completeUploadExternal");

    @TempDir
    Path tmp;
    SlackHarness h;
    ChatPort port;

    @BeforeEach
    void start() throws Exception {
        h = new SlackHarness(tmp, Clock.systemUTC());
        port = h.bot.ports().require(Platform.SLACK);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

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

        JsonObject image = only("image", blocks(h.slack.calls("chat.postMessage").get(0).param("blocks")));
        assertThat(image.getAsJsonObject("slack_file").get("id").getAsString()).isEqualTo("F0CHART");
        assertThat(image.get("alt_text").getAsString()).isEqualTo(ALT);
        assertThat(image.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Community health");
        assertThat(methods()).as("the upload, then the post, nothing else").containsExactly(
                UPLOAD.get(0), UPLOAD.get(1), UPLOAD.get(2), "chat.postMessage");
    }

    @Test
    void aSlashCommandWithAChartIsAcknowledgedAndAnsweredWithTheImageThroughTheResponseUrl() throws Exception {
        h.bot.router().register(command("chart").summary("Shows a chart.").handler(ctx -> CHART));
        h.slack.scriptUpload("F0CHART");
        var ack = h.signed(SlackHarness.FORM, SlackRequests.slashCommand("chart", h.slack.url("/commands/T1/1/x")));
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).as("answered through the response URL, after the upload").isEmpty();

        JsonObject answer = h.slack.await("/commands/T1/1/x", 1, 10).get(0).json();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("in_channel");
        JsonObject image = only("image", answer.getAsJsonArray("blocks"));
        assertThat(image.getAsJsonObject("slack_file").get("id").getAsString()).isEqualTo("F0CHART");
        assertThat(image.get("alt_text").getAsString()).isEqualTo(ALT);
        assertThat(methods()).containsExactly("users.info", UPLOAD.get(0), UPLOAD.get(1), UPLOAD.get(2),
                "/commands/T1/1/x");
    }

    @Test
    void withoutTheFilesWriteScopeThePictureIsShownByItsAltTextAndTheReplyStillGoesOut() {
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
    void aPictureSlackRefusesInTheMessageIsSentAgainAsItsAltText() {
        h.slack.scriptUpload("F0CHART");
        h.slack.scriptJson("chat.postMessage", "{\"ok\":false,\"error\":\"invalid_blocks\","
                + "\"errors\":[\"invalid slack file [json-pointer:/blocks/1/slack_file]\"]}");
        var posted = port.post(GENERAL, Optional.empty(), CHART);
        assertThat(posted.id()).isEqualTo("1700000000.000100");

        var posts = h.slack.calls("chat.postMessage");
        assertThat(types(blocks(posts.get(0).param("blocks")))).contains("image");
        assertThat(types(blocks(posts.get(1).param("blocks")))).doesNotContain("image");
        assertThat(only("context", blocks(posts.get(1).param("blocks"))).toString()).contains(ALT);
        assertThat(methods()).containsExactly(UPLOAD.get(0), UPLOAD.get(1), UPLOAD.get(2), "chat.postMessage",
                "chat.postMessage");
    }

    List<String> methods() {
        return h.slack.callsBesidesAuth().stream().map(FakeSlackApi.Call::method).toList();
    }

    static JsonArray blocks(String json) {
        return JsonParser.parseString(json).getAsJsonArray();
    }

    static List<String> types(JsonArray blocks) {
        return blocks.asList().stream().map(b -> b.getAsJsonObject().get("type").getAsString()).toList();
    }

    static JsonObject only(String type, JsonArray blocks) {
        List<JsonElement> found = blocks.asList().stream()
                .filter(b -> b.getAsJsonObject().get("type").getAsString().equals(type)).toList();
        assertThat(found).as("one %s block in %s", type, blocks).hasSize(1);
        return found.get(0).getAsJsonObject();
    }

    static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
