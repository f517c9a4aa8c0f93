package dev.copbot.discord;

import static dev.copbot.discord.fake.FakeDiscord.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.metrics.BotMeters;
import dev.copbot.discord.fake.Payloads;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: Discord's REST calls (JDA's HttpRequestEvent) and /cop commands reach the meters. */
class MetersTest {
    @TempDir
    Path dir;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DiscordHarness h;

    @AfterEach
    void stop() throws Exception {
        if (h != null) {
            h.close();
        }
        Metrics.removeRegistry(registry);
    }

    @Test
    void restCallsAndCommandsAreCounted() throws Exception {
        Metrics.addRegistry(registry);
        h = new DiscordHarness(dir, bot -> { });
        // The real wiring (BotMeters.around bot::handle), not the harness's recording one.
        h.adapter = DiscordAdapter.start(h.bot, new DiscordSettings("fake-token", Optional.of(h.discord.apiUrl()),
                Optional.of(h.discord.gatewayUrl()), Optional.empty(), OptionalInt.empty()));
        h.discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slash(Payloads.snowflakeNow(), "tok-help", ALICE,
                null, "help"));
        h.discord.await(c -> c.is("POST", "interactions/") && c.path().contains("tok-help"), "the help answer");

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && registry.find(BotMeters.COMMANDS).tag("platform", "discord").timer() == null) {
            Thread.sleep(50);
        }
        assertThat(registry.find(BotMeters.API_CALLS).tag("platform", "discord").counters()).isNotEmpty();
        assertThat(registry.find(BotMeters.API_CALLS).tag("platform", "discord").tag("outcome", "ok").counters()
                .stream().mapToDouble(c -> c.count()).sum()).isGreaterThanOrEqualTo(2);
        assertThat(registry.find(BotMeters.COMMANDS).tag("platform", "discord").tag("command", "help")
                .tag("outcome", "ok").timer()).isNotNull().satisfies(t -> assertThat(t.count()).isEqualTo(1));
    }
}
