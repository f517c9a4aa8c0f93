package dev.copbot.discord;

import static dev.copbot.discord.fake.FakeDiscord.ALICE;
import static dev.copbot.discord.fake.FakeDiscord.GENERAL;
import static dev.copbot.discord.fake.FakeDiscord.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import dev.copbot.discord.fake.FakeDiscord;
import dev.copbot.discord.fake.Payloads;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, on the wire: every message the bot sends to Discord (interaction answers, follow-ups, channel posts,
 * direct messages) carries {@code allowed_mentions} that allow nothing, so user text with {@code @here},
 * {@code @everyone}, a role or {@code <@id>} (a purpose, an event title, a kudos reason, a name) pings no one.
 */
class NoBroadcastPingsTest extends OnDiscordHarness {
    static final String PINGS = "@here @channel @everyone <!channel> <@U123> <@" + FakeDiscord.BOB + "> <@&500000000000000001>";

    Reply asAdmin(String text) {
        Actor admin = new Actor(UserId.parse("discord:" + GUILD + ":" + FakeDiscord.OWNER), "Owner " + PINGS,
                Optional.empty(), true);
        return h.bot.run(Inbound.CommandInvoked.of(admin, ChannelId.parse("discord:" + GUILD + ":" + GENERAL), text));
    }

    @Test
    void everyMessageTheBotSendsAllowsNoMentions() throws Exception {
        h = new DiscordHarness(dir, bot -> { }).start();
        assertThat(asAdmin("community create sre purpose:\"On call " + PINGS + "\" channel:<#" + GENERAL + ">").ok()).isTrue();
        assertThat(asAdmin("event create \"Party " + PINGS + "\" 2030-01-10 16:00 tz:UTC community:sre").ok()).isTrue();
        h.discord.await(c -> c.is("POST", "channels/" + GENERAL + "/messages"), "the event announcement");
        asAdmin("kudos <@" + ALICE + "> for " + PINGS);

        h.discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slash(Payloads.snowflakeNow(), "tok-list", ALICE, null,
                "communities"));
        h.discord.await(c -> c.is("POST", "interactions/") && c.path().contains("tok-list"), "the communities answer");
        h.discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slash(Payloads.snowflakeNow(), "tok-events", ALICE, null,
                "events"));
        h.discord.await(c -> c.is("POST", "interactions/") && c.path().contains("tok-events"), "the events answer");
        Thread.sleep(300);

        List<FakeDiscord.Call> sent = h.discord.calls().stream().filter(c -> (c.method().equals("POST")
                || c.method().equals("PATCH")) && (c.path().startsWith("interactions/") || c.path().startsWith("webhooks/")
                || c.path().matches("channels/\\d+/messages.*"))).toList();
        assertThat(sent).as("answers, announcements and DMs were sent").hasSizeGreaterThanOrEqualTo(3);
        StringBuilder all = new StringBuilder();
        for (FakeDiscord.Call call : sent) {
            JsonNode message = call.path().startsWith("interactions/") ? call.body().path("data") : call.body();
            if (message.isMissingNode() || !message.has("content") && !message.has("embeds")) {
                continue; // a deferral carries no message
            }
            all.append(message).append('\n');
            JsonNode allowed = message.path("allowed_mentions");
            assertThat(allowed.isObject()).as("allowed_mentions on " + call).isTrue();
            assertThat(allowed.path("parse").isArray() && allowed.path("parse").isEmpty())
                    .as("nothing parsed as a mention on " + call + ": " + allowed).isTrue();
            assertThat(allowed.path("users").isMissingNode() || allowed.path("users").isEmpty())
                    .as("no user allowed on " + call).isTrue();
            assertThat(allowed.path("roles").isMissingNode() || allowed.path("roles").isEmpty())
                    .as("no role allowed on " + call).isTrue();
            assertThat(allowed.path("replied_user").asBoolean(false)).as("no reply ping on " + call).isFalse();
        }
        assertThat(all.toString()).as("the user text was sent as text").contains("On call @here", "Party @here");
    }
}
