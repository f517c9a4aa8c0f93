package dev.copbot.app.launch;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.Settings;
import java.util.Map;

/** Discord: a JDA gateway connection with DISCORD_TOKEN. */
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
    public AutoCloseable start(BotRuntime runtime, Settings settings, Map<String, String> env) {
        throw new IllegalStateException("DISCORD_TOKEN is set, but this build has no Discord adapter yet. "
                + "Unset it to use the console.");
    }
}
