package dev.copbot.discord;

import static dev.copbot.discord.fake.FakeDiscord.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Platform;
import dev.copbot.discord.fake.FakeDiscord.Call;
import dev.copbot.discord.fake.FakeDiscord;
import dev.copbot.discord.fake.Payloads;
import org.junit.jupiter.api.Test;

/** Real JDA against a fake Discord on loopback: startup, command registration and slash commands. */
class DiscordAdapterTest extends OnDiscordHarness {
    @Test
    void connectsRegistersCopAndAnswersHelpThroughTheInteractionCallback() throws Exception {
        h = new DiscordHarness(dir, bot -> { }).start();
        JsonNode identify = h.discord.gateway().awaitOp(2).get("d");
        assertThat(identify.get("token").asText()).isEqualTo("fake-token");
        assertThat(identify.get("intents").asInt() & (1 << 15)).as("MESSAGE_CONTENT").isNotZero();

        Call registration = h.discord.await("PUT", "applications/" + FakeDiscord.APP + "/commands");
        JsonNode cop = registration.body().get(0);
        assertThat(cop.get("name").asText()).isEqualTo("cop");

        h.discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slash("800000000000000001", "tok-help", ALICE,
                null, "help"));
        Call callback = h.discord.await("POST", "interactions/800000000000000001/tok-help/callback");
        assertThat(callback.body().get("type").asInt()).isEqualTo(4);
        assertThat(callback.body().at("/data/content").asText()).contains("communities of practice");
        assertThat(callback.body().at("/data/flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    }

    @Test
    void anIndexedMessageIsFoundByASlashSearchWithItsPermalink() throws Exception {
        h = new DiscordHarness(dir, bot -> { }).start();
        String enable = Payloads.snowflakeNow();
        h.discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slash(enable, "tok-index", FakeDiscord.OWNER,
                "index", "enable", Payloads.option("channel", 7, FakeDiscord.GENERAL)));
        Call enabled = h.discord.await("POST", "interactions/" + enable + "/tok-index/callback");
        assertThat(enabled.body().at("/data/content").asText()).as(enabled.body().toString()).doesNotContain("Only admins");

        String message = Payloads.snowflakeNow();
        h.discord.gateway().dispatch("MESSAGE_CREATE", Payloads.message(message, FakeDiscord.GENERAL, ALICE, "alice",
                "To rotate the TLS certificate run cert-manager renew", false));
        h.awaitInbound(Inbound.MessagePosted.class);
        assertThat(h.bot.lastMessageId(new ChannelId(Platform.DISCORD,
                FakeDiscord.GUILD, FakeDiscord.GENERAL))).contains(message);

        String search = Payloads.snowflakeNow();
        h.discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slash(search, "tok-search", FakeDiscord.BOB, null,
                "search", Payloads.option("words", 3, "rotate certificate")));
        Call found = h.discord.await("POST", "interactions/" + search + "/tok-search/callback");
        if (found.body().get("type").asInt() == 5) { // deferred on a busy machine: the answer edits the deferral
            found = h.discord.await("PATCH", "webhooks/" + FakeDiscord.APP + "/tok-search/messages/@original");
        }
        JsonNode answer = found.body().has("data") ? found.body().get("data") : found.body();
        String all = answer.toString();
        assertThat(all).contains("cert-manager")
                .contains("https://discord.com/channels/" + FakeDiscord.GUILD + "/" + FakeDiscord.GENERAL + "/" + message);
    }
}
