package dev.copbot.tools.bench;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.SearchSettings;
import dev.copbot.app.config.Settings;
import dev.copbot.core.CopBot;
import dev.copbot.core.discussion.IndexView;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.reply.Reply;
import dev.copbot.opensearch.OpenSearchIndex;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code copbot bench backends}: the same generated workspace fed through two bots, one on the embedded index and
 * one with OpenSearch as its search backend (each with a store of its own), then the same {@code /cop search}
 * commands timed whole on each, in turn, in one run. Ingest counts the store and the index, up to searchable.
 */
public final class BackendsBenchmark {
    private static final int WARMUP_ROUNDS = 1;
    private static final int MEASURED_ROUNDS = 2;

    private final PrintStream out;
    private final URI openSearch;
    private final Map<String, String> credentials;

    /**
     * {@code credentials}: {@code COPBOT_OPENSEARCH_USER} and {@code COPBOT_OPENSEARCH_PASSWORD} when the node asks for
     * them, given to the bot on OpenSearch and to the connection that drops its index at the end.
     */
    public BackendsBenchmark(PrintStream out, URI openSearch, Map<String, String> credentials) {
        this.out = out;
        this.openSearch = openSearch;
        this.credentials = Map.copyOf(credentials);
    }

    public void run(int messages, Path dir) {
        List<String> queries = new SyntheticWorkspace().queries(150, 50);
        String index = "copbot-bench-backend-" + ProcessHandle.current().pid();
        Map<String, String> lucene = Map.of("COPBOT_SEARCHES_PER_MINUTE", "0");
        Map<String, String> os = new HashMap<>(lucene);
        os.put("COPBOT_SEARCH_BACKEND", "opensearch");
        os.put("COPBOT_OPENSEARCH_URL", openSearch.toString());
        os.put("COPBOT_OPENSEARCH_INDEX", index);
        os.putAll(credentials);
        Settings remoteSettings = settings(os, dir.resolve("opensearch"));
        try (BotRuntime embedded = start(settings(lucene, dir.resolve("lucene")));
             BotRuntime remote = start(remoteSettings)) {
            double luceneRate = ingest(embedded.bot(), messages);
            double osRate = ingest(remote.bot(), messages);
            out.printf(Locale.ROOT, "ingest   embedded %,.0f msg/s   OpenSearch backend %,.0f msg/s   (store + index, "
                    + "merged, searchable)%n", luceneRate, osRate);
            long[][] l = new long[2][];
            long[][] o = new long[2][];
            for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                long[][] lr = time(embedded.bot(), queries);
                long[][] or = time(remote.bot(), queries);
                if (round >= WARMUP_ROUNDS) {
                    for (int k = 0; k < 2; k++) {
                        l[k] = SearchBenchmark.concat(l[k], lr[k]);
                        o[k] = SearchBenchmark.concat(o[k], or[k]);
                    }
                }
            }
            out.println("query, the whole /cop search command, embedded index against the OpenSearch backend:");
            report("all queries", SearchBenchmark.concat(l[0], l[1]), SearchBenchmark.concat(o[0], o[1]));
            report("short (1-3 words)", l[0], o[0]);
            report("question-length", l[1], o[1]);
        }
        // After the bot closed (its last act saves its position in the index's state): a connection of its own.
        SearchSettings search = remoteSettings.search();
        try (OpenSearchIndex scratch = OpenSearchIndex.connect(openSearch, search.openSearchUser().orElse(null),
                search.openSearchPassword().orElse(null), index, dev.copbot.core.discussion.Ranking.defaults())) {
            scratch.drop();
        }
    }

    private static Settings settings(Map<String, String> env, Path data) {
        return new ConfigLoader(env).load(Optional.empty(), Optional.of(data));
    }

    private static BotRuntime start(Settings settings) {
        BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC());
        BotIngest.enableChannels(runtime.bot());
        return runtime;
    }

    private double ingest(CopBot bot, int messages) {
        long start = System.nanoTime();
        BotIngest.ingest(bot, new SyntheticWorkspace(), messages, false);
        bot.discussions().compactIndex(); // as copbot import does at its end
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%-10s %,d messages in %.1f s, %d segments%n", bot.discussions().engine().index().name(),
                messages, seconds, bot.discussions().withIndex(IndexView::segments));
        return messages / seconds;
    }

    /** Each query's whole command, in nanoseconds: [0] the short ones, [1] the question-length ones. */
    private static long[][] time(CopBot bot, List<String> queries) {
        Actor asker = Actor.of(BotIngest.user("U1000"), "bench");
        ChannelId where = BotIngest.channel("C100").id();
        long[][] t = {new long[150], new long[queries.size() - 150]};
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            Reply reply = bot.run(Inbound.CommandInvoked.of(asker, where, "search " + queries.get(i)));
            long took = System.nanoTime() - t0;
            if (!reply.ok()) {
                throw new IllegalStateException("bench query failed: " + queries.get(i) + ": " + reply.text());
            }
            if (i < 150) {
                t[0][i] = took;
            } else {
                t[1][i - 150] = took;
            }
        }
        return t;
    }

    private void report(String what, long[] lucene, long[] os) {
        out.printf(Locale.ROOT, "  %-18s embedded p50 %6.2f ms  p99 %6.2f ms   OpenSearch p50 %6.2f ms  p99 %6.2f ms   "
                        + "(%d each)%n", what, SearchBenchmark.percentile(lucene, 50), SearchBenchmark.percentile(lucene, 99),
                SearchBenchmark.percentile(os, 50), SearchBenchmark.percentile(os, 99), lucene.length);
    }
}
