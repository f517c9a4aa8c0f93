package dev.copbot.tools.bench;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.reply.Reply;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code copbot bench search-during-import}: a bot holding the store and index answers {@code /cop search} at a fixed
 * rate while {@code copbot import slack-export}, another process, imports an export beside it (the import writes the
 * store and the change log; the bot's index follows). Times each search as a whole command, as {@code bench search}
 * does, from the import's start to its end, and reports how far the index fell behind.
 */
public final class SearchDuringImport {
    private final PrintStream out;

    public SearchDuringImport(PrintStream out) {
        this.out = out;
    }

    public void run(Path export, Path data, int perSecond) throws Exception {
        Settings settings = new ConfigLoader(Map.of("COPBOT_SEARCHES_PER_MINUTE", "0")).load(Optional.empty(), Optional.of(data));
        List<String> queries = new SyntheticWorkspace().queries(150, 50);
        Actor asker = Actor.of(BotIngest.user("U1000"), "bench");
        ChannelId where = BotIngest.channel("C100").id();
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC())) {
            CopBot bot = runtime.bot();
            Path log = data.resolve("import.log");
            Process importer = new ProcessBuilder(java(), "-jar", jar(), "import", "slack-export", export.toString(),
                    "--data", data.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long start = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            List<Long> times = new ArrayList<>();
            long maxBehind = 0;
            for (int i = 0; importer.isAlive(); i++) {
                LockSupport.parkNanos(start + i * interval - System.nanoTime());
                long t0 = System.nanoTime();
                Reply reply = bot.run(Inbound.CommandInvoked.of(asker, where, "search " + queries.get(i % queries.size())));
                times.add(System.nanoTime() - t0);
                if (!reply.ok()) {
                    throw new IllegalStateException("search failed during the import: " + reply.text());
                }
                maxBehind = Math.max(maxBehind, bot.discussions().changesBehind());
            }
            double importSeconds = (System.nanoTime() - start) / 1e9;
            if (importer.exitValue() != 0) {
                throw new IllegalStateException("the import exited with " + importer.exitValue() + "; see " + log);
            }
            long caughtUp = System.nanoTime();
            while (bot.discussions().changesBehind() > 0) {
                Thread.sleep(50);
            }
            long[] nanos = times.stream().mapToLong(Long::longValue).toArray();
            out.printf(Locale.ROOT, "import   %,d messages stored in %.1f s by another process (its log: %s)%n",
                    bot.discussions().store().messageCount(), importSeconds, log);
            out.printf(Locale.ROOT, "search   during the import: %,d searches at %d/s   p50 %.2f ms   p90 %.2f ms   p99 %.2f ms"
                            + "   max %.2f ms%n", nanos.length, perSecond, SearchBenchmark.percentile(nanos, 50),
                    SearchBenchmark.percentile(nanos, 90), SearchBenchmark.percentile(nanos, 99),
                    SearchBenchmark.percentile(nanos, 100));
            out.printf(Locale.ROOT, "index    at most %,d changes behind the store during the import; caught up %.1f s after it ended%n",
                    maxBehind, (System.nanoTime() - caughtUp) / 1e9);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String jar() throws Exception {
        Path self = Path.of(SearchDuringImport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!self.toString().endsWith(".jar")) {
            throw new IllegalStateException("run this from the packaged jar (bot-dist/target/copbot.jar): it starts the "
                    + "import as a second process of the same jar");
        }
        return self.toString();
    }
}
