package dev.copbot.slack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Reply;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** A reply with a real PNG chart, the calls that upload it, and Block Kit JSON read back as Slack received it. */
public final class Pictures {
    public static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    public static final byte[] PNG = png();
    public static final String ALT = "Messages a week in #sre, rising from 4 to 19";
    public static final Reply CHART = Reply.ok("Health of #sre").inChannel()
            .with(new Block.Image("Community health", ALT, "health.png", PNG));
    /** files.uploadV2 of {@link FakeSlackApi#scriptUpload}{@code ("F0CHART")}, as the fake records it. */
    public static final List<String> UPLOAD = List.of("files.getUploadURLExternal", "/upload/F0CHART",
            "files.completeUploadExternal");

    private Pictures() {}

    public static JsonArray blocks(String json) {
        return JsonParser.parseString(json).getAsJsonArray();
    }

    public static List<String> types(JsonArray blocks) {
        return blocks.asList().stream().map(b -> b.getAsJsonObject().get("type").getAsString()).toList();
    }

    /** The one block of this type (the test fails when there is none, or more). */
    public static JsonObject only(String type, JsonArray blocks) {
        List<JsonElement> found = blocks.asList().stream()
                .filter(b -> b.getAsJsonObject().get("type").getAsString().equals(type)).toList();
        assertThat(found).as("one %s block in %s", type, blocks).hasSize(1);
        return found.get(0).getAsJsonObject();
    }

    /** Asserts the blocks show the chart as an image of the Slack file {@code fileId}, with its alt text and title. */
    public static void assertShowsChart(JsonArray blocks, String fileId) {
        JsonObject image = only("image", blocks);
        assertThat(image.getAsJsonObject("slack_file").get("id").getAsString()).isEqualTo(fileId);
        assertThat(image.get("alt_text").getAsString()).isEqualTo(ALT);
        assertThat(image.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Community health");
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
