package dev.copbot.app.cli;

import dev.copbot.app.BotRuntime;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.history.DiscordExportReader;
import dev.copbot.core.history.ExportReader;
import dev.copbot.core.history.HistoryImport;
import dev.copbot.core.history.ImportException;
import dev.copbot.core.history.ImportSummary;
import dev.copbot.core.history.SlackExportReader;
import dev.copbot.core.people.UserDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load the history of a Slack workspace or of Discord channels, so it can be searched.",
                "Safe to run again: what is stored already is skipped, newer edits are applied, and an import that was",
                "stopped (even killed) goes on where it stopped. It may run while the bot runs: every running replica",
                "makes what it stores searchable within seconds."},
        subcommands = {ImportCommand.Slack.class, ImportCommand.Discord.class})
public final class ImportCommand extends CommandGroup {
    /** Options of both formats. */
    static class Shared {
        @Mixin
        CommonOptions common;

        @Option(names = "--json", description = "Print the summary as one JSON object (progress still goes to stderr).")
        boolean json;

        @Option(names = "--community", paramLabel = "NAME", description = "Also attach the imported channels to this community.")
        String community;

        int run(Function<Consumer<String>, ExportReader> open) {
            ConsoleCommand.quietLogs();
            ImportView view = ImportView.forThisTerminal(System.err);
            try (BotRuntime runtime = BotRuntime.startForImport(common.settings(), Clock.systemUTC());
                 ExportReader reader = open.apply(view::problem)) {
                if (runtime.storeOnly()) {
                    view.problem("copbot run is using this data directory: importing into the store; the running bot "
                            + "makes it searchable as it goes.");
                }
                HistoryImport importer = new HistoryImport(runtime.bot().discussions(), new UserDirectory(runtime.database()),
                        new CommunityStore(runtime.database()), Clock.systemUTC());
                ImportSummary summary;
                try {
                    summary = importer.run(reader, Optional.ofNullable(community), view);
                } finally {
                    view.close();
                }
                if (json) {
                    System.out.println(ImportView.json(summary));
                } else {
                    System.out.print(summary.describe());
                }
                return summary.filesFailed() > 0 ? 2 : 0;
            } catch (ImportException e) {
                System.err.println("copbot import: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "slack-export", mixinStandardHelpOptions = true,
            description = {"Import a Slack workspace export: the .zip Slack produced, or the folder it unpacks to.",
                    "Exit status: 0 done, 1 nothing imported (the reason is printed), 2 done but some files could not be read."})
    static final class Slack extends Shared implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "the export's .zip file or folder")
        Path path;

        @Option(names = "--workspace", paramLabel = "T…", description = "The workspace id (default: users.json's team_id).")
        String workspace;

        @Option(names = "--channels", paramLabel = "NAME", split = ",",
                description = "Import only these channels (names or ids, comma-separated).")
        List<String> channels = new ArrayList<>();

        @Override
        public Integer call() {
            Set<String> only = new LinkedHashSet<>();
            channels.forEach(c -> only.add(c.strip().replaceFirst("^#", "")));
            return run(problems -> SlackExportReader.open(path, Optional.ofNullable(workspace), only, problems));
        }
    }

    @Command(name = "discord-export", mixinStandardHelpOptions = true,
            description = {"Import DiscordChatExporter JSON exports: files (one per channel or thread), or folders of them.",
                    "Exit status: 0 done, 1 nothing imported (the reason is printed), 2 done but some files could not be read."})
    static final class Discord extends Shared implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "DiscordChatExporter .json files or folders")
        List<Path> paths;

        @Override
        public Integer call() {
            return run(problems -> DiscordExportReader.open(paths, problems));
        }
    }
}
