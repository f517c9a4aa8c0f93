package dev.copbot.app.launch;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.Settings;
import dev.copbot.discord.DiscordAdapter;
import dev.copbot.discord.DiscordSettings;
import java.util.Map;

/**
 * Discord: a JDA gateway connection with DISCORD_TOKEN; DISCORD_API_URL and DISCORD_GATEWAY_URL point it elsewhere
 * (a local fake in tests), DISCORD_GUILD_ID registers /cop in one server, DISCORD_SHARDS fixes the shard count.
 */
public final class DiscordLauncher implements Launcher {
    @Override
    public boolean wanted(Map<String, String> env) {
        return SlackLauncher.present(env, "DISCORD_TOKEN");
    }

    @Override
    public String name() {
        return "Discord";
    }

    @Override
    public AutoCloseable start(BotRuntime runtime, Settings settings, Map<String, String> env) throws Exception {
        DiscordSettings discord;
        try {
            discord = DiscordSettings.fromEnv(env);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
        return DiscordAdapter.start(runtime.bot(), discord);
    }
}
