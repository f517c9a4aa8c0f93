package dev.copbot.app.cli;

import dev.copbot.app.loadtest.LoadRun;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "load-http", mixinStandardHelpOptions = true,
        description = {"Send signed /cop commands to /slack/events at a fixed rate; report errors and ack latencies.",
                "Open loop: a slow answer does not slow the sending; latencies (p50, p99, max) count from each",
                "request's planned time.",
                "Without --url it starts a whole bot on loopback (a fresh store, Slack's Web API played locally).",
                "Exits 1 when any request failed or an acknowledgement took 3 s or more (Slack's limit)."})
public final class LoadHttpCommand implements Callable<Integer> {
    @Option(names = "--rate", defaultValue = "100", description = "Requests a second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "60", description = "How long (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of load sent first and not counted (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Mixin
    HttpTarget target;

    @Override
    public Integer call() throws Exception {
        return target.send("load-http", (url, secret, responseUrl, local) -> {
            int code = run(url, secret, responseUrl);
            local.ifPresent(bot -> System.out.printf("answers the bot posted later to response URLs: %,d%n",
                    bot.slack().calls("response_url")));
            return code;
        });
    }

    private int run(String target, String secret, String responseUrl) throws Exception {
        LoadRun load = new LoadRun(target, secret, responseUrl);
        load.seed();
        if (warmup > 0) {
            load.run(rate, Duration.ofSeconds(warmup));
        }
        LoadRun.Result result = load.run(rate, Duration.ofSeconds(seconds));
        System.out.print(result.describe());
        return result.errors() == 0 && result.over3s() == 0 ? 0 : 1;
    }
}
