package dev.copbot.tools.cli;

import dev.copbot.tools.bench.ExpertsBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "experts", mixinStandardHelpOptions = true,
        description = {"Ingest N generated messages through the bot (a third of the answered threads accepted), then",
                "time /cop experts <topic>, the same while replies arrive, and /cop ask with its routing step."})
final class ExpertsBench implements Callable<Integer> {
    @Mixin
    GeneratedRun run;

    @Override
    public Integer call() throws Exception {
        run.run(dir -> {
            System.out.println(run.header("experts", "", dir));
            new ExpertsBenchmark(System.out).run(run.messages, dir);
        });
        return 0;
    }
}
