package dev.copbot.tools.cli;

import dev.copbot.tools.bench.SearchDuringImport;
import dev.copbot.tools.bench.SlackExportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "search-during-import", mixinStandardHelpOptions = true,
        description = {"A bot holding the store and index answers /cop search at a fixed rate while another process",
                "imports a generated Slack export of N messages beside it; prints search p50/p99 over the import."})
final class SearchDuringImportBench implements Callable<Integer> {
    @Mixin
    GeneratedRun run;
    @Option(names = "--rate", defaultValue = "10", description = "searches a second (default ${DEFAULT-VALUE})")
    int rate;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (run.messages < 1_000 || rate < 1 || rate > 1_000) {
            throw new ParameterException(spec.commandLine(), "--messages must be at least 1000 and --rate from 1 to 1000");
        }
        run.run(dir -> {
            Path export = dir.resolve("export");
            Files.createDirectories(export);
            System.out.println(run.header("search-during-import", ", " + rate + " searches/s,", dir));
            SlackExportWriter.write(run.messages, export);
            new SearchDuringImport(System.out).run(export, dir.resolve("bot"), rate);
        });
        return 0;
    }
}
