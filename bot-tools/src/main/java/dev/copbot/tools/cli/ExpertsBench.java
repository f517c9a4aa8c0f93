package dev.copbot.tools.cli;

import dev.copbot.app.cli.ConsoleCommand;
import dev.copbot.tools.bench.ExpertsBenchmark;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "experts", mixinStandardHelpOptions = true,
        description = {"Ingest N generated messages through the bot (a third of the answered threads accepted), then",
                "time /cop experts <topic>, the same while replies arrive, and /cop ask with its routing step."})
final class ExpertsBench implements Callable<Integer> {
    @Option(names = "--messages", defaultValue = "1000000", description = "messages to generate (default ${DEFAULT-VALUE})")
    int messages;
    @Option(names = "--data", paramLabel = "DIR", description = "where to build the store and index (default: a "
            + "temporary directory, removed afterwards)")
    Path data;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (messages < 1_000) {
            throw new ParameterException(spec.commandLine(), "--messages must be at least 1000");
        }
        ConsoleCommand.quietLogs();
        ScratchDir.use(data, "--data", spec, dir -> {
            System.out.printf("copbot bench experts: %,d messages in %s (java %s, %d cores)%n", messages, dir,
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
            new ExpertsBenchmark(System.out).run(messages, dir);
        });
        return 0;
    }
}
