package dev.copbot.app.cli;

import dev.copbot.app.loadtest.LocalSlackBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where fuzz-http and load-http send: a running bot's /slack/events ({@code --url}), or a whole bot on loopback. */
public final class HttpTarget {
    @Option(names = "--url", paramLabel = "URL",
            description = "A running bot's /slack/events instead; signed with $SLACK_SIGNING_SECRET.")
    String url;

    /** One run against a target; {@code local} is the bot started for it, when there is one. */
    @FunctionalInterface
    interface Run {
        int run(String target, String secret, String responseUrl, Optional<LocalSlackBot> local) throws Exception;
    }

    int send(String command, Run run) throws Exception {
        ConsoleCommand.quietLogs();
        if (url != null) {
            String secret = System.getenv("SLACK_SIGNING_SECRET");
            if (secret == null || secret.isBlank()) {
                System.err.println("copbot " + command + ": --url needs SLACK_SIGNING_SECRET, the bot's signing secret");
                return 2;
            }
            return run.run(url, secret, "http://127.0.0.1:9/respond", Optional.empty());
        }
        Path data = Files.createTempDirectory("copbot-" + command + "-");
        try (LocalSlackBot bot = LocalSlackBot.start(data, Optional.empty())) {
            System.out.println("bot on " + bot.eventsUrl() + " (data in " + data + ")");
            return run.run(bot.eventsUrl(), LocalSlackBot.SECRET, bot.slack().responseUrl(command), Optional.of(bot));
        }
    }
}
