package dev.copbot.app.cli;

import dev.copbot.app.BotRuntime;
import dev.copbot.core.discussion.SearchIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the store (the index is derived data).")
public final class ReindexCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        ConsoleCommand.quietLogs();
        Path index = BotRuntime.indexDirectory(common.settings());
        if (SearchIndex.inUse(index)) {
            // Lucene has one writer per index, and the running bot is it: a rebuild would have to stop the bot anyway.
            System.err.println("copbot reindex: copbot run is using the search index in " + index + ". A running bot "
                    + "keeps its index in step with the store by itself; to rebuild it anyway, stop the bot, run "
                    + "copbot reindex, then start the bot again.");
            return 1;
        }
        try (BotRuntime runtime = BotRuntime.start(common.settings(), Clock.systemUTC())) {
            long start = System.nanoTime();
            long threads = runtime.bot().discussions().rebuild();
            long messages = runtime.bot().discussions().store().messageCount();
            System.out.printf(Locale.ROOT, "Reindexed %d threads (%d messages) in %.1f s.%n", threads, messages,
                    (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
