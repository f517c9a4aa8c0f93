package dev.copbot.slack;

import static dev.copbot.core.command.CommandSpec.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import dev.copbot.slack.testing.FakeSlackApi;
import dev.copbot.slack.testing.SlackHarness;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /cop over signed HTTP, as Slack posts it: fast answers in the ack, slow ones through the response URL. */
class SlashCommandTest {
    @TempDir
    Path tmp;
    SlackHarness h;
    String responseUrl;

    @BeforeEach
    void start() throws Exception {
        h = new SlackHarness(tmp, Clock.systemUTC());
        responseUrl = h.slack.url("/commands/T1/1234/abcd");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    SlackHarness.Answer cop(String text) throws Exception {
        return h.signed(SlackHarness.FORM, SlackPayloads.slashCommand(text, responseUrl).body());
    }

    @Test
    void helpIsAnsweredInTheAcknowledgementAsEphemeralBlockKit() throws Exception {
        var answer = cop("help");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
        JsonObject body = JsonParser.parseString(answer.body()).getAsJsonObject();
        assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(body.get("text").getAsString()).contains("CoP Bot");
        assertThat(body.getAsJsonArray("blocks").asList()).extracting(b -> b.getAsJsonObject().get("type").getAsString())
                .contains("section", "context");
        assertThat(h.slack.calls("users.info")).singleElement()
                .satisfies(c -> assertThat(c.param("user")).isEqualTo("U1"));
        assertThat(h.slack.callsBesidesAuth()).as("nothing but the profile lookup").hasSize(1);
    }

    @Test
    void aSlowCommandIsAcknowledgedWithinThreeSecondsAndAnsweredThroughTheResponseUrl() throws Exception {
        h.bot.router().register(command("slow").summary("Takes its time.").handler(ctx -> {
            try {
                Thread.sleep(3500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok("Done, slowly.");
        }));
        var answer = cop("slow");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(answer.body()).doesNotContain("Done, slowly");

        var delivered = h.slack.await("/commands/T1/1234/abcd", 1, 10).get(0);
        assertThat(delivered.json().get("text").getAsString()).isEqualTo("Done, slowly.");
        assertThat(delivered.json().get("response_type").getAsString()).isEqualTo("ephemeral");
    }

    @Test
    void quotedMentionsAreEscapedSoTheyNeverPingAndWorkspaceAdminsAreBotAdmins() throws Exception {
        h.slack.scriptJson("users.info", "{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"alice\",\"is_admin\":true,"
                + "\"tz\":\"Europe/Berlin\",\"profile\":{\"display_name\":\"Alice\"}}}");
        var created = cop("community create sre purpose:\"<!channel> & <@U9> on call\"");
        assertThat(created.body()).contains("Created the community");

        // What Slack receives, decoded from the JSON: the mrkdwn of every block.
        String listed = JsonParser.parseString(cop("communities").body()).getAsJsonObject().getAsJsonArray("blocks")
                .toString().replace("\\u0026", "&");
        assertThat(listed).contains("&lt;!channel&gt; &amp; &lt;@U9&gt; on call").doesNotContain("<!channel>", "<@U9>");
    }

    @Test
    void anAnnouncementIsVisibleInTheChannel() throws Exception {
        h.bot.router().register(command("announce").summary("Posts to the channel.").handler(
                ctx -> Reply.ok("Kafka meetup on Thursday").inChannel()));
        assertThat(cop("announce").body()).contains("\"response_type\":\"in_channel\"", "Kafka meetup on Thursday");
    }

    @Test
    void aFormOpensAsAModalAndARefusedSubmissionShowsItsErrorsInTheModal() throws Exception {
        h.bot.router().register(command("propose").summary("Opens a form.").handler(ctx -> Reply.ok("").withForm(
                new Form("talk.propose", "Propose a talk", "Send", List.of(
                        new Form.Input("title", "Title", "What is it about?", "", false, true, 80)), "ctx-7"))));
        var ack = cop("propose");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        var open = h.slack.await("views.open", 1, 5).get(0);
        assertThat(open.param("trigger_id")).isEqualTo("13345224609.738474920.8088930838d88f008e0");
        JsonObject view = JsonParser.parseString(open.param("view")).getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo("talk.propose");
        assertThat(view.get("private_metadata").getAsString()).contains("C1", "ctx-7");
        assertThat(view.getAsJsonArray("blocks").get(0).getAsJsonObject().get("block_id").getAsString()).isEqualTo("title");

        // The core has no form handler for it yet, so it refuses: the modal stays open with the reason on the input.
        String submission = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\",\"domain\":\"acme\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"alice\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"talk.propose\","
                + "\"private_metadata\":" + JsonParser.parseString(
                        "\"" + view.get("private_metadata").getAsString().replace("\"", "\\\"") + "\"")
                + ",\"state\":{\"values\":{\"title\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"Kafka\"}}}}}}";
        var refused = h.signed(SlackHarness.FORM, SlackPayloads.interactive(submission).body());
        assertThat(refused.status()).isEqualTo(200);
        JsonObject errors = JsonParser.parseString(refused.body()).getAsJsonObject();
        assertThat(errors.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(errors.getAsJsonObject("errors").get("title").getAsString()).contains("no longer active");
    }

    @Test
    void aRunCommandButtonRunsItsCommandForTheClickerAndAnswersThroughTheResponseUrl() throws Exception {
        var ack = h.signed(SlackHarness.FORM, SlackPayloads.buttonClick("communities", "Browse", h.slack.url("/actions/T1/55/xyz")).body());
        assertThat(ack.status()).isEqualTo(200);
        var answer = h.slack.await("/actions/T1/55/xyz", 1, 5).get(0);
        assertThat(answer.json().get("text").getAsString()).contains("There are no communities yet");
        assertThat(answer.json().get("replace_original").getAsBoolean()).isFalse();
    }

    @Test
    void unknownCommandsGetTheUsageAndASuggestion() throws Exception {
        assertThat(cop("comunities").body()).contains("Did you mean", "communities").doesNotContain("Exception");
        assertThat(h.slack.callsBesidesAuth()).extracting(FakeSlackApi.Call::method).containsOnly("users.info");
    }

    @Test
    void searchesAreAcknowledgedAtOnceAndAnsweredAsBlockKitThroughTheResponseUrl() throws Exception {
        var ack = cop("search rotate tls cert in:#sre");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        var answer = h.slack.await("/commands/T1/1234/abcd", 1, 5).get(0).json();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.getAsJsonArray("blocks")).isNotEmpty();
        assertThat(answer.get("text").getAsString()).isNotBlank();
    }
}
