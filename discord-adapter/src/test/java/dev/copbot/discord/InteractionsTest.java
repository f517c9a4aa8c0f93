package dev.copbot.discord;

import static dev.copbot.core.command.CommandSpec.command;
import static dev.copbot.discord.fake.FakeDiscord.ALICE;
import static dev.copbot.discord.fake.FakeDiscord.APP;
import static dev.copbot.discord.fake.FakeDiscord.GENERAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copbot.core.CopBot;
import dev.copbot.core.command.CommandSpec;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import dev.copbot.discord.fake.FakeDiscord.Call;
import dev.copbot.discord.fake.FakeDiscord;
import dev.copbot.discord.fake.Payloads;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slash commands, deferral, buttons and modals over the real interaction routes. */
class InteractionsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int STRING = 3;

    @TempDir
    Path dir;
    DiscordHarness h;
    final CountDownLatch slowMayFinish = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        slowMayFinish.countDown();
        if (h != null) {
            h.close();
        }
    }

    void start() throws Exception {
        h = new DiscordHarness(dir, this::testCommands).start();
    }

    /** Extra commands on the real router, so the adapter derives their Discord shape like any other. */
    void testCommands(CopBot bot) {
        bot.router().register(command("slow").summary("Takes its time.").handler(ctx -> {
            try {
                slowMayFinish.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok("Finally done.").inChannel();
        }));
        bot.router().register(command("menu").summary("Offers buttons.").handler(ctx -> Reply.ok("Pick one.")
                .with(new Block.Section("Menu", "At 2026-11-23T10:00:00Z", List.of()))
                .with(new Block.Actions(List.of(new Button(Button.RUN_COMMAND, "Help", "help",
                        Button.Style.PRIMARY, "help"))))));
        // one command for both forms: the test's commands share /cop's 25 entries with the real ones
        List<Form.Input> seven = IntStream.rangeClosed(1, 7).mapToObj(i -> new Form.Input("f" + i,
                "Field " + i, "", "", false, false, 50)).toList();
        bot.router().register(command("feedback").param(CommandSpec.Param.optional("length")).summary("Opens a form.")
                .handler(ctx -> Reply.ok("").withForm(ctx.optionalArg(0).isPresent()
                        ? new Form("survey", "Survey", "Send", seven, "ctx-7")
                        : new Form("feedback", "Feedback", "Send", List.of(new Form.Input("comment", "Comment",
                        "What went well?", "", true, true, 500)), "ctx-42"))));
    }

    ObjectNode slash(String id, String token, String group, String sub, ObjectNode... options) {
        return Payloads.slash(id, token, ALICE, group, sub, options);
    }

    @Test
    void optionsBecomeTheCoreCommandTextWithQuotedValues() throws Exception {
        start();
        JsonNode cop = h.discord.await("PUT", "applications/" + APP + "/commands").body().get(0);
        JsonNode community = find(cop.get("options"), "community");
        assertThat(community.get("type").asInt()).as("a subcommand group").isEqualTo(2);
        JsonNode create = find(community.get("options"), "create");
        assertThat(find(create.get("options"), "name").get("required").asBoolean()).isTrue();
        assertThat(find(create.get("options"), "channel").get("type").asInt()).as("a CHANNEL option").isEqualTo(7);
        JsonNode role = find(find(community.get("options"), "role").get("options"), "user");
        assertThat(role.get("type").asInt()).as("a USER option").isEqualTo(6);
        assertThat(find(find(cop.get("options"), "join").get("options"), "name").get("autocomplete").asBoolean()).isTrue();

        // Alice is not an admin: the core refuses, naming the command it parsed from the options.
        h.discord.gateway().dispatch("INTERACTION_CREATE", slash(id("10"), "tok-create", "community",
                "create", Payloads.option("name", STRING, "data science"),
                Payloads.option("purpose", STRING, "Models \"and\" pipelines")));
        Inbound.CommandInvoked invoked = h.awaitInbound(Inbound.CommandInvoked.class);
        assertThat(invoked.text()).isEqualTo("community create \"data science\" purpose:\"Models \\\"and\\\" pipelines\"");
        assertThat(invoked.actor().id().toString()).isEqualTo("discord:" + FakeDiscord.GUILD + ":" + ALICE);
        Call answer = h.discord.await("POST", "interactions/" + id("10") + "/tok-create/callback");
        assertThat(answer.body().at("/data/content").asText()).contains("Only admins can run 'community create'");
        assertThat(answer.body().at("/data/allowed_mentions/parse").size()).as("nothing pings").isZero();
    }

    @Test
    void aSlowCommandIsDeferredWithinThreeSecondsThenFinishedThroughTheHook() throws Exception {
        start();
        long sent = System.nanoTime();
        h.discord.gateway().dispatch("INTERACTION_CREATE", slash(id("20"), "tok-slow", null, "slow"));
        Call deferral = h.discord.await("POST", "interactions/" + id("20") + "/tok-slow/callback");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertThat(deferral.body().get("type").asInt()).as("DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE").isEqualTo(5);
        assertThat(tookMs).as("acknowledged within Discord's 3 s").isLessThan(3000);

        slowMayFinish.countDown();
        // The reply is meant for the channel: a public follow-up replaces the private "thinking…".
        Call followUp = h.discord.await("POST", "webhooks/" + APP + "/tok-slow");
        assertThat(followUp.body().get("content").asText()).isEqualTo("Finally done.");
        assertThat(followUp.body().path("flags").asInt() & 64).isZero();
        h.discord.await("DELETE", "webhooks/" + APP + "/tok-slow/messages/@original");
    }

    @Test
    void aButtonRunsItsCommandForTheClicker() throws Exception {
        start();
        h.discord.gateway().dispatch("INTERACTION_CREATE", slash(id("30"), "tok-menu", null, "menu"));
        JsonNode data = h.discord.await("POST", "interactions/" + id("30") + "/tok-menu/callback").body().get("data");
        assertThat(data.at("/embeds/0/title").asText()).isEqualTo("Menu");
        assertThat(data.at("/embeds/0/description").asText()).isEqualTo("At <t:1795428000:F>");
        JsonNode button = data.at("/components/0/components/0");
        assertThat(button.get("label").asText()).isEqualTo("Help");
        assertThat(button.get("style").asInt()).isEqualTo(1);

        ObjectNode click = Payloads.interaction(id("31"), 3, "tok-click", ALICE, "alice",
                FakeDiscord.EVERYONE_PERMISSIONS);
        click.putObject("data").put("custom_id", button.get("custom_id").asText()).put("component_type", 2);
        click.set("message", Payloads.message("900000000000000500", GENERAL, APP, "copbot", "Pick one.", true));
        h.discord.gateway().dispatch("INTERACTION_CREATE", click);
        Inbound.ButtonClicked clicked = h.awaitInbound(Inbound.ButtonClicked.class);
        assertThat(clicked.action()).isEqualTo(Button.RUN_COMMAND);
        assertThat(clicked.value()).isEqualTo("help");
        assertThat(clicked.message().id()).isEqualTo("900000000000000500");
        Call answer = h.discord.await("POST", "interactions/" + id("31") + "/tok-click/callback");
        assertThat(answer.body().at("/data/content").asText()).contains("communities of practice");
    }

    @Test
    void aFormOpensAsAModalAndItsSubmissionReachesTheCore() throws Exception {
        start();
        h.discord.gateway().dispatch("INTERACTION_CREATE", slash(id("40"), "tok-form", null, "feedback"));
        JsonNode modal = h.discord.await("POST", "interactions/" + id("40") + "/tok-form/callback").body();
        assertThat(modal.get("type").asInt()).as("MODAL").isEqualTo(9);
        assertThat(modal.at("/data/title").asText()).isEqualTo("Feedback");
        JsonNode label = modal.at("/data/components/0");
        assertThat(label.get("label").asText()).isEqualTo("Comment");
        assertThat(label.at("/component/custom_id").asText()).isEqualTo("comment");

        ObjectNode submit = Payloads.interaction(id("41"), 5, "tok-submit", ALICE, "alice",
                FakeDiscord.EVERYONE_PERMISSIONS);
        ObjectNode data = submit.putObject("data").put("custom_id", modal.at("/data/custom_id").asText());
        ObjectNode labelled = data.putArray("components").addObject().put("type", 18).put("id", 1);
        labelled.putObject("component").put("type", 4).put("id", 2).put("custom_id", "comment").put("value", "Great talk");
        h.discord.gateway().dispatch("INTERACTION_CREATE", submit);
        Inbound.FormSubmitted form = h.awaitInbound(Inbound.FormSubmitted.class);
        assertThat(form.formId()).isEqualTo("feedback");
        assertThat(form.context()).isEqualTo("ctx-42");
        assertThat(form.values()).containsEntry("comment", "Great talk");
        Call answer = h.discord.await("POST", "interactions/" + id("41") + "/tok-submit/callback");
        assertThat(answer.body().at("/data/content").asText()).contains("That form is no longer active");
    }

    @Test
    void aFormLongerThanAModalIsAskedInStepsAndArrivesWhole() throws Exception {
        start();
        h.discord.gateway().dispatch("INTERACTION_CREATE", slash(id("50"), "tok-survey", null, "feedback",
                Payloads.option("length", 3, "long")));
        JsonNode first = h.discord.await("POST", "interactions/" + id("50") + "/tok-survey/callback").body();
        assertThat(first.get("type").asInt()).as("MODAL").isEqualTo(9);
        assertThat(first.at("/data/title").asText()).isEqualTo("Survey (1/2)");
        assertThat(first.at("/data/components")).hasSize(5);
        h.discord.gateway().dispatch("INTERACTION_CREATE", submit(id("51"), "tok-s1", first, 1, 5));

        JsonNode saved = h.discord.await("POST", "interactions/" + id("51") + "/tok-s1/callback").body();
        assertThat(saved.at("/data/content").asText()).contains("Saved. Continue (2/2)");
        JsonNode button = saved.at("/data/components/0/components/0");
        assertThat(button.get("label").asText()).isEqualTo("Continue (2/2)");
        ObjectNode click = Payloads.interaction(id("52"), 3, "tok-next", ALICE, "alice", FakeDiscord.EVERYONE_PERMISSIONS);
        click.putObject("data").put("custom_id", button.get("custom_id").asText()).put("component_type", 2);
        click.set("message", Payloads.message("900000000000000600", GENERAL, APP, "copbot", "Saved.", true));
        h.discord.gateway().dispatch("INTERACTION_CREATE", click);

        JsonNode second = h.discord.await("POST", "interactions/" + id("52") + "/tok-next/callback").body();
        assertThat(second.get("type").asInt()).as("MODAL").isEqualTo(9);
        assertThat(second.at("/data/title").asText()).isEqualTo("Survey (2/2)");
        assertThat(second.at("/data/components")).hasSize(2);
        h.discord.gateway().dispatch("INTERACTION_CREATE", submit(id("53"), "tok-s2", second, 6, 7));

        Inbound.FormSubmitted form = h.awaitInbound(Inbound.FormSubmitted.class);
        assertThat(form.formId()).isEqualTo("survey");
        assertThat(form.context()).isEqualTo("ctx-7");
        assertThat(form.values()).containsOnlyKeys("f1", "f2", "f3", "f4", "f5", "f6", "f7").containsEntry("f7", "v7");
    }

    /** A modal's submission with "v<i>" typed into fields f<from>..f<to>. */
    ObjectNode submit(String id, String token, JsonNode modal, int from, int to) {
        ObjectNode submit = Payloads.interaction(id, 5, token, ALICE, "alice", FakeDiscord.EVERYONE_PERMISSIONS);
        ObjectNode data = submit.putObject("data").put("custom_id", modal.at("/data/custom_id").asText());
        var components = data.putArray("components");
        for (int i = from; i <= to; i++) {
            ObjectNode labelled = components.addObject().put("type", 18).put("id", 2 * i);
            labelled.putObject("component").put("type", 4).put("id", 2 * i + 1).put("custom_id", "f" + i)
                    .put("value", "v" + i);
        }
        return submit;
    }

    @Test
    void aRateLimitedPostIsRetriedByJdaAndTheCoreGetsItsMessage() throws Exception {
        start();
        h.discord.script("POST", "channels/" + GENERAL + "/messages", new MockResponse.Builder().code(429)
                .addHeader("Content-Type", "application/json").addHeader("Retry-After", "1")
                .addHeader("X-RateLimit-Scope", "user").addHeader("Via", "1.1 google")
                .addHeader("X-RateLimit-Bucket", "channel-bucket")
                .body("{\"message\":\"You are being rate limited.\",\"retry_after\":0.3,\"global\":false}").build());
        var port = h.bot.ports().require(Platform.DISCORD);
        var posted = port.post(new ChannelId(Platform.DISCORD,
                FakeDiscord.GUILD, GENERAL), Optional.empty(), Reply.ok("Meetup on @everyone's calendar"));
        assertThat(posted.channel().id()).isEqualTo(GENERAL);
        List<Call> posts = h.discord.calls().stream().filter(c -> c.is("POST", "channels/" + GENERAL)).toList();
        assertThat(posts).as("one rejected call, one retry by JDA, nothing more").hasSize(2);
        assertThat(posts.get(1).body()).isEqualTo(posts.get(0).body());
        assertThat(posts.get(1).body().at("/allowed_mentions/parse").size()).as("@everyone stays text").isZero();
        assertThat(port.permalink(posted)).contains("https://discord.com/channels/" + FakeDiscord.GUILD + "/"
                + GENERAL + "/" + posted.id());
    }

    final Map<String, String> ids = new HashMap<>();

    /** Interaction ids are snowflakes of now: JDA reads their age to know whether they can still be answered. */
    String id(String key) {
        return ids.computeIfAbsent(key, k -> Payloads.snowflakeNow());
    }

    static JsonNode find(JsonNode options, String name) {
        for (JsonNode o : options) {
            if (o.get("name").asText().equals(name)) {
                return o;
            }
        }
        throw new AssertionError("no option " + name + " in " + options);
    }
}
