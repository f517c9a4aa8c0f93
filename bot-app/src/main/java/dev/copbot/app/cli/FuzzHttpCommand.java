package dev.copbot.app.cli;

import dev.copbot.app.loadtest.LocalSlackBot;
import dev.copbot.app.loadtest.SlackFuzz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fuzz-http", mixinStandardHelpOptions = true,
        description = {"Send mutated, correctly signed Slack requests to /slack/events and count the answers by status.",
                "Without --url it starts a whole bot on loopback (a fresh store, Slack's Web API played locally).",
                "Exits 1 when any answer was 500 or more, or a request got no answer."})
public final class FuzzHttpCommand implements Callable<Integer> {
    @Option(names = "--requests", defaultValue = "100000", description = "How many requests (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--seed", defaultValue = "18", description = "Seed of the mutations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--parallel", defaultValue = "8", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--url", paramLabel = "URL",
            description = "A running bot's /slack/events instead; signed with $SLACK_SIGNING_SECRET.")
    String url;

    @Override
    public Integer call() throws Exception {
        ConsoleCommand.quietLogs();
        if (url != null) {
            String secret = System.getenv("SLACK_SIGNING_SECRET");
            if (secret == null || secret.isBlank()) {
                System.err.println("copbot fuzz-http: --url needs SLACK_SIGNING_SECRET, the bot's signing secret");
                return 2;
            }
            return report(new SlackFuzz(url, secret, "http://127.0.0.1:9/respond").run(seed, requests, parallel));
        }
        Path data = Files.createTempDirectory("copbot-fuzz-");
        try (LocalSlackBot bot = LocalSlackBot.start(data, Optional.empty())) {
            System.out.println("bot on " + bot.eventsUrl() + " (data in " + data + ")");
            SlackFuzz.Result result = new SlackFuzz(bot.eventsUrl(), LocalSlackBot.SECRET,
                    bot.slack().responseUrl("fuzz")).run(seed, requests, parallel);
            return report(result);
        }
    }

    private static int report(SlackFuzz.Result result) {
        System.out.print(SlackFuzz.describe(result));
        return result.serverErrors() == 0 && result.transportErrors() == 0 ? 0 : 1;
    }
}
