package dev.copbot.tools.cli;

import dev.copbot.core.discussion.Ranking;
import dev.copbot.tools.bench.BackendsBenchmark;
import dev.copbot.tools.bench.SearchBenchmark;
import dev.copbot.tools.bench.SlackExportWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import dev.copbot.app.cli.CommandGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure ingest and query speed.",
        subcommands = {BenchCommand.Search.class, BenchCommand.SlackExport.class, ReplicasBench.class,
                ExpertsBench.class, SearchDuringImportBench.class, BackendsBench.class})
public final class BenchCommand extends CommandGroup {
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Ingest N generated messages through the bot (store + index) and through plain Lucene,",
                    "then time a fixed query set through /cop search and through plain Lucene on the same index.",
                    "Run with -Xmx512m to check the heap target. --peer-opensearch times OpenSearch on the same threads."})
    static final class Search implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        GeneratedRun run;
        @Option(names = "--without", split = ",", paramLabel = "PART", description = "leave parts of the bot's ranking out, "
                + "to measure what they cost: feedback, proximity, fields, solved (comma-separated)")
        List<String> without = List.of();
        @Option(names = "--peer-opensearch", paramLabel = "URL", description = "also index the same threads into this "
                + "running OpenSearch (index copbot-bench, replaced) and time the same queries there, e.g. "
                + "http://127.0.0.1:9200 from scripts/opensearch.sh start")
        URI peerOpenSearch;
        @picocli.CommandLine.Mixin
        BackendOptions backend;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            run.check();
            Ranking ranking = RankingParts.without(spec, without);
            if (backend.openSearch()) {
                // Its yardstick is plain Lucene on the bot's own index directory, which an OpenSearch bot has not:
                // the bot on OpenSearch is timed beside the embedded bot instead.
                if (!without.isEmpty() || peerOpenSearch != null) {
                    throw new ParameterException(spec.commandLine(), "with the OpenSearch backend, bench search times "
                            + "the bot on OpenSearch beside the embedded one (bench backends): --without and "
                            + "--peer-opensearch do not apply");
                }
                System.out.println("search backend: " + backend.describe() + ": timing it beside the embedded index");
                run.run(dir -> new BackendsBenchmark(System.out, backend.url(), BackendOptions.credentials())
                        .run(run.messages, dir));
                return 0;
            }
            run.run(dir -> {
                System.out.println(run.header("search", "", dir)
                        + (without.isEmpty() ? "" : "; ranking without " + String.join(", ", without)));
                new SearchBenchmark(System.out, ranking, peerOpenSearch).run(run.messages, dir);
            });
            return 0;
        }
    }

    @Command(name = "slack-export", mixinStandardHelpOptions = true,
            description = {"Write a generated Slack export (threads, replies, edits, check-mark reactions) to a folder,",
                    "to measure or test copbot import slack-export on it."})
    static final class SlackExport implements Callable<Integer> {
        @Option(names = "--messages", defaultValue = "1000000", description = "messages to generate (default ${DEFAULT-VALUE})")
        int messages;
        @Option(names = "--out", paramLabel = "DIR", required = true, description = "an empty or new folder")
        Path out;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (Files.isDirectory(out) && Files.list(out).findAny().isPresent()) {
                throw new ParameterException(spec.commandLine(), "--out " + out + " is not empty");
            }
            long n = SlackExportWriter.write(messages, out);
            System.out.printf("Wrote a Slack export of %,d messages to %s%n", n, out);
            return 0;
        }
    }
}
