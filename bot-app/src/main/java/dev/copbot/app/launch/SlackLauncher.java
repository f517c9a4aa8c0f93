package dev.copbot.app.launch;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.Settings;
import java.util.Map;

/** Slack: Socket Mode with SLACK_APP_TOKEN, else HTTP mode on /slack/events. */
public final class SlackLauncher implements Launcher {
    @Override
    public boolean wanted(Map<String, String> env) {
        return present(env, "SLACK_BOT_TOKEN");
    }

    @Override
    public String name() {
        return "Slack";
    }

    @Override
    public AutoCloseable start(BotRuntime runtime, Settings settings, Map<String, String> env) {
        throw new IllegalStateException("SLACK_BOT_TOKEN is set, but this build has no Slack adapter yet. "
                + "Unset it to use the console.");
    }

    static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
