package dev.copbot.app.cli;

import dev.copbot.app.config.Settings;
import dev.copbot.core.BotSettings;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Connect to Slack (SLACK_BOT_TOKEN) and/or Discord (DISCORD_TOKEN) from the environment.",
                "With neither, open the local console on the embedded store."})
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Settings settings = common.settings();
        boolean slack = present("SLACK_BOT_TOKEN");
        boolean discord = present("DISCORD_TOKEN");
        if (!slack && !discord) {
            ConsoleCommand.quietLogs();
            System.err.println("No SLACK_BOT_TOKEN or DISCORD_TOKEN in the environment: opening the local console.");
            return ConsoleCommand.open(settings, BotSettings.CONSOLE_ADMIN, false, true);
        }
        // The adapters land with their own issues; until then say so plainly rather than pretend to connect.
        log.error("{} token found, but this build has no {} adapter yet. Unset the token to use the console.",
                slack ? "A Slack" : "A Discord", slack ? "Slack" : "Discord");
        return 2;
    }

    private static boolean present(String name) {
        String v = System.getenv(name);
        return v != null && !v.isBlank();
    }
}
