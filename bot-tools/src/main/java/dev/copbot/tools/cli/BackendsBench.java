package dev.copbot.tools.cli;

import dev.copbot.app.cli.ConsoleCommand;
import dev.copbot.tools.bench.BackendsBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"Feed N generated messages to two bots, one on the embedded index and one with OpenSearch as its",
                "search backend, and time the same /cop search commands on both: ingest rate and p50/p99 of each."})
final class BackendsBench implements Callable<Integer> {
    @Option(names = "--messages", defaultValue = "1000000", description = "messages (default ${DEFAULT-VALUE})")
    int messages;
    @Option(names = "--data", paramLabel = "DIR", description = "where the two stores and the embedded index go "
            + "(default: a temporary directory, removed afterwards)")
    java.nio.file.Path data;
    @Mixin
    BackendOptions backend;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (messages < 1_000) {
            throw new ParameterException(spec.commandLine(), "--messages must be at least 1000");
        }
        ConsoleCommand.quietLogs();
        ScratchDir.use(data, "--data", spec, dir -> {
            System.out.printf("copbot bench backends: %,d messages, OpenSearch at %s, in %s (java %s, %d cores)%n",
                    messages, backend.url(), dir, Runtime.version(), Runtime.getRuntime().availableProcessors());
            new BackendsBenchmark(System.out, backend.url()).run(messages, dir);
        });
        return 0;
    }
}
