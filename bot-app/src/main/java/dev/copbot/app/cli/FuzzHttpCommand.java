package dev.copbot.app.cli;

import dev.copbot.app.loadtest.SlackFuzz;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    HttpTarget target;

    @Override
    public Integer call() throws Exception {
        return target.send("fuzz-http", (url, secret, responseUrl, local) ->
                report(new SlackFuzz(url, secret, responseUrl).run(seed, requests, parallel)));
    }

    private static int report(SlackFuzz.Result result) {
        System.out.print(SlackFuzz.describe(result));
        return result.serverErrors() == 0 && result.transportErrors() == 0 ? 0 : 1;
    }
}
