package dev.copbot.discord;

import static dev.copbot.core.command.CommandSpec.command;
import static dev.copbot.discord.fake.FakeDiscord.ALICE;
import static dev.copbot.discord.fake.FakeDiscord.APP;
import static dev.copbot.discord.fake.FakeDiscord.GENERAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Reply;
import dev.copbot.discord.fake.FakeDiscord;
import dev.copbot.discord.fake.FakeDiscord.Call;
import dev.copbot.discord.fake.Multipart;
import dev.copbot.discord.fake.Payloads;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core pictures on Discord: the PNG goes up as a file of the message, and an embed shows it by its name. */
class ImagesTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static final byte[] PNG = png();
    static final String ALT = "Messages a week in #sre, rising from 4 to 19";
    static final Block.Image CHART = new Block.Image("Community health", ALT, "health.png", PNG);

    @TempDir
    Path dir;
    DiscordHarness h;
    final CountDownLatch slowMayFinish = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        h = new DiscordHarness(dir, this::chartCommands).start();
    }

    @AfterEach
    void stop() throws Exception {
        slowMayFinish.countDown();
        h.close();
    }

    void chartCommands(CopBot bot) {
        bot.router().register(command("chart").summary("Shows a chart.")
                .handler(ctx -> Reply.ok("Health of #sre").with(CHART)));
        bot.router().register(command("slowchart").summary("Shows a chart, slowly.").handler(ctx -> {
            try {
                slowMayFinish.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok("Health of #sre").with(CHART);
        }));
    }

    @Test
    void anEphemeralInteractionReplyCarriesThePngAndItsEmbedShowsIt() throws Exception {
        String id = Payloads.snowflakeNow();
        h.discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slash(id, "tok-chart", ALICE, null, "chart"));
        Call answer = h.discord.await("POST", "interactions/" + id + "/tok-chart/callback");
        assertThat(answer.headers().get("Content-Type")).startsWith("multipart/form-data");
        JsonNode data = answer.body().get("data");
        assertThat(data.get("flags").asInt() & 64).as("ephemeral").isNotZero();
        assertShowsTheChart(data, answer, "health.png");
        assertThat(callsMentioning("tok-chart")).as("one answer, nothing else").hasSize(1);
    }

    @Test
    void aDeferredReplyCarriesThePngInTheEditOfTheOriginal() throws Exception {
        String id = Payloads.snowflakeNow();
        h.discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slash(id, "tok-slow", ALICE, null, "slowchart"));
        Call deferral = h.discord.await("POST", "interactions/" + id + "/tok-slow/callback");
        assertThat(deferral.files()).isEmpty();

        slowMayFinish.countDown();
        Call edit = h.discord.await("PATCH", "webhooks/" + APP + "/tok-slow/messages/@original");
        assertShowsTheChart(edit.body(), edit, "health.png");
        assertThat(callsMentioning("tok-slow")).as("the deferral and the edit").hasSize(2);
    }

    @Test
    void aChannelPostCarriesEachPngUnderADistinctName() throws Exception {
        var port = h.bot.ports().require(Platform.DISCORD);
        Block.Image sameName = new Block.Image("Last year", "Messages a week in #sre last year, flat at 5", "health.png", PNG);
        port.post(new ChannelId(Platform.DISCORD, FakeDiscord.GUILD, GENERAL), Optional.empty(),
                Reply.ok("Health of #sre").inChannel().with(CHART).with(sameName));
        Call post = h.discord.await("POST", "channels/" + GENERAL + "/messages");
        assertShowsTheChart(post.body(), post, "health.png");
        assertThat(post.body().at("/embeds/1/image/url").asText()).isEqualTo("attachment://2-health.png");
        assertThat(post.files()).extracting(p -> p.fileName().orElseThrow()).containsExactly("health.png", "2-health.png");
        assertThat(h.discord.calls().stream().filter(c -> c.path().startsWith("channels/"))).hasSize(1);
    }

    @Test
    void whereDiscordRefusesTheFileTheMessageGoesOutWithTheAltText() throws Exception {
        // The invite link of earlier versions had no Attach Files; Discord then refuses the whole message.
        h.discord.script("POST", "channels/" + GENERAL + "/messages", new MockResponse.Builder().code(403)
                .addHeader("Content-Type", "application/json")
                .body("{\"message\":\"Missing Permissions\",\"code\":50013}").build());
        var port = h.bot.ports().require(Platform.DISCORD);
        var posted = port.post(new ChannelId(Platform.DISCORD, FakeDiscord.GUILD, GENERAL), Optional.empty(),
                Reply.ok("Health of #sre").inChannel().with(CHART));
        assertThat(posted.channel().id()).isEqualTo(GENERAL);

        List<Call> posts = h.discord.calls().stream().filter(c -> c.path().startsWith("channels/")).toList();
        assertThat(posts).as("the refused post and the one without the file, nothing else").hasSize(2);
        assertThat(posts.get(0).files()).hasSize(1);
        Call retried = posts.get(1);
        assertThat(retried.files()).isEmpty();
        assertThat(retried.body().at("/embeds/0/description").asText()).isEqualTo(ALT);
        assertThat(retried.body().at("/embeds/0/image").isMissingNode()).isTrue();
    }

    /** The first embed shows the picture by its attachment name, with the alt text; the file is the PNG itself. */
    static void assertShowsTheChart(JsonNode message, Call call, String name) {
        JsonNode embed = message.at("/embeds/0");
        assertThat(embed.get("title").asText()).isEqualTo("Community health");
        assertThat(embed.get("description").asText()).isEqualTo(ALT);
        assertThat(embed.at("/image/url").asText()).isEqualTo("attachment://" + name);
        assertThat(message.at("/attachments/0/filename").asText()).isEqualTo(name);
        Multipart.Part file = call.files().get(0);
        assertThat(file.fileName()).contains(name);
        assertThat(Arrays.copyOf(file.bytes(), PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        assertThat(file.bytes()).isEqualTo(PNG);
    }

    List<Call> callsMentioning(String token) {
        return h.discord.calls().stream().filter(c -> c.path().contains(token)).toList();
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
