package dev.copbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.discord.fake.FakeDiscord;
import dev.copbot.discord.fake.FakeDiscord.Call;
import dev.copbot.discord.fake.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copbot run} from the packaged jar with DISCORD_TOKEN, DISCORD_API_URL and DISCORD_GATEWAY_URL pointing at a
 * local fake Discord: it connects over the gateway, registers {@code /cop}, and answers an interaction through the
 * interaction callback route.
 */
class DiscordJarIT {
    @TempDir
    Path dir;
    FakeDiscord discord;
    Process copbot;

    @AfterEach
    void stop() throws Exception {
        if (copbot != null) {
            copbot.destroy();
            assertThat(copbot.waitFor(20, TimeUnit.SECONDS)).as("copbot stops on SIGTERM").isTrue();
        }
        if (discord != null) {
            discord.close();
        }
    }

    Process run(FakeDiscord fake) throws Exception {
        int port = TheJar.freePort();
        ProcessBuilder pb = TheJar.run(dir);
        pb.environment().put("DISCORD_TOKEN", "it-discord-token");
        pb.environment().put("DISCORD_API_URL", fake.apiUrl());
        pb.environment().put("DISCORD_GATEWAY_URL", fake.gatewayUrl());
        pb.environment().put("COPBOT_HTTP_PORT", Integer.toString(port));
        pb.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        return pb.start();
    }

    @Test
    void connectsRegistersCopAndAnswersHelp() throws Exception {
        discord = new FakeDiscord();
        copbot = run(discord);
        JsonNode identify = discord.gateway().awaitOp(2).get("d");
        assertThat(identify.get("token").asText()).isEqualTo("it-discord-token");
        Call registered = discord.await("PUT", "applications/" + FakeDiscord.APP + "/commands");
        assertThat(registered.body().get(0).get("name").asText()).isEqualTo("cop");

        String id = Payloads.snowflakeNow();
        discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slash(id, "tok-it-help", FakeDiscord.ALICE, null, "help"));
        Call answer = discord.await("POST", "interactions/" + id + "/tok-it-help/callback");
        assertThat(answer.body().get("type").asInt()).isEqualTo(4);
        assertThat(answer.body().at("/data/content").asText()).contains("communities of practice");
        assertThat(copbot.isAlive()).as(Files.readString(dir.resolve("stderr.txt"))).isTrue();
    }

    @Test
    void aMissingPrivilegedIntentStopsTheStartWithHowToEnableIt() throws Exception {
        discord = new FakeDiscord();
        discord.gateway().refuseIdentify(4014);
        copbot = run(discord);
        assertThat(copbot.waitFor(60, TimeUnit.SECONDS)).as("copbot gives up").isTrue();
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertThat(copbot.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("copbot run: Discord refused the privileged gateway intents", "MESSAGE CONTENT INTENT",
                "Privileged Gateway Intents").doesNotContain("\tat ");
        copbot = null;
    }
}
