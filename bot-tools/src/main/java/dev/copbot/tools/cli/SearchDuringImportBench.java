package dev.copbot.tools.cli;

import dev.copbot.app.cli.ConsoleCommand;
import dev.copbot.tools.bench.SearchDuringImport;
import dev.copbot.tools.bench.SlackExportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "search-during-import", mixinStandardHelpOptions = true,
        description = {"A bot holding the store and index answers /cop search at a fixed rate while another process",
                "imports a generated Slack export of N messages beside it; prints search p50/p99 over the import."})
final class SearchDuringImportBench implements Callable<Integer> {
    @Option(names = "--messages", defaultValue = "1000000", description = "messages in the export (default ${DEFAULT-VALUE})")
    int messages;
    @Option(names = "--rate", defaultValue = "10", description = "searches a second (default ${DEFAULT-VALUE})")
    int rate;
    @Option(names = "--data", paramLabel = "DIR", description = "where to write the export, store and index (default: "
            + "a temporary directory, removed afterwards)")
    Path data;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (messages < 1_000 || rate < 1 || rate > 1_000) {
            throw new ParameterException(spec.commandLine(), "--messages must be at least 1000 and --rate from 1 to 1000");
        }
        ConsoleCommand.quietLogs();
        ScratchDir.use(data, "--data", spec, dir -> {
            Path export = dir.resolve("export");
            Files.createDirectories(export);
            System.out.printf("copbot bench search-during-import: %,d messages, %d searches/s, in %s (java %s, %d cores)%n",
                    messages, rate, dir, Runtime.version(), Runtime.getRuntime().availableProcessors());
            SlackExportWriter.write(messages, export);
            new SearchDuringImport(System.out).run(export, dir.resolve("bot"), rate);
        });
        return 0;
    }
}
