package dev.copbot.tools.bench;

import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.discussion.IndexFollower;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.discussion.SearchIndex;
import java.util.function.BiFunction;
import dev.copbot.core.discussion.SearchRequest;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.DatabaseSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code copbot bench replicas}: two replicas on one store, each with its own index directory and connection pool
 * (as two machines would be), in one JVM. Posts N messages through A, one at a time, and times each from the moment
 * A is asked to store it until B's search finds it; then deletes a tenth of them through A and times until B no
 * longer finds them. The clock starts before A's commit, so the figures include it.
 */
public final class ReplicaBenchmark {
    static final Duration POLL = Duration.ofMillis(500); // as BotRuntime
    static final Channel CHANNEL = new Channel(ChannelId.parse("slack:TBENCH:C1"), "bench", Visibility.PUBLIC);
    static final UserId AUTHOR = UserId.parse("slack:TBENCH:U1");

    private final PrintStream out;
    /** Makes replica {@code name}'s backend: its own embedded index, or a connection to one shared OpenSearch index. */
    private final BiFunction<String, Path, SearchBackend> backends;

    public ReplicaBenchmark(PrintStream out) {
        this(out, (name, index) -> SearchIndex.open(index, Ranking.defaults()));
    }

    public ReplicaBenchmark(PrintStream out, BiFunction<String, Path, SearchBackend> backends) {
        this.out = out;
        this.backends = backends;
    }

    /** {@code store}: how to open the shared store (opened twice, once per replica). */
    public void run(DatabaseSettings store, Path dir, int messages) throws Exception {
        try (Database storeA = Database.open(store); Database storeB = Database.open(store)) {
            CopBot a = replica(storeA, backends.apply("a", dir.resolve("index-a")));
            CopBot b = replica(storeB, backends.apply("b", dir.resolve("index-b")));
            try (IndexFollower fa = IndexFollower.start(a.discussions(), POLL);
                 IndexFollower fb = IndexFollower.start(b.discussions(), POLL)) {
                a.discussions().store().channels().upsert(CHANNEL, Clock.systemUTC().instant());
                a.discussions().store().channels().setIndexed(CHANNEL.id(), true);
                for (int i = 0; i < 50; i++) { // warm up: load and compile the write, apply and search paths
                    String token = word(1_000_000 + i);
                    post(a, token);
                    waitFor(() -> found(b, token));
                }
                long[] posted = new long[messages];
                for (int i = 0; i < messages; i++) {
                    String token = word(i);
                    long start = System.nanoTime();
                    post(a, token);
                    waitFor(() -> found(b, token));
                    posted[i] = System.nanoTime() - start;
                }
                report("post on A -> found on B", posted);
                long[] deleted = new long[Math.max(1, messages / 10)];
                for (int i = 0; i < deleted.length; i++) {
                    String token = word(i * 10);
                    long start = System.nanoTime();
                    a.handle(new Inbound.MessageDeleted(new MessageId(CHANNEL.id(), token), Clock.systemUTC().instant()));
                    waitFor(() -> !found(b, token));
                    deleted[i] = System.nanoTime() - start;
                }
                report("delete on A -> gone on B", deleted);
            } finally {
                a.discussions().close();
                b.discussions().close();
            }
        }
    }

    private static CopBot replica(Database store, SearchBackend index) {
        CopBot bot = new CopBot(store, index, BotSettings.defaults(),
                Clock.systemUTC(), new ChatPorts());
        bot.discussions().reconcile();
        return bot;
    }

    /** A word of letters only, unique per message: digits would be split off by the analyzer, "zz" survives stemming. */
    static String word(int n) {
        StringBuilder w = new StringBuilder("xq");
        do {
            w.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return w.append("zz").toString();
    }

    private static void post(CopBot a, String token) {
        a.handle(new Inbound.MessagePosted(new Message(new MessageId(CHANNEL.id(), token), AUTHOR,
                "Replica benchmark message " + token + " about consumer lag", Clock.systemUTC().instant(),
                Optional.empty()), CHANNEL));
    }

    private static boolean found(CopBot bot, String token) {
        return bot.discussions().search(AUTHOR, SearchRequest.parse(token), 0, 1).total() > 0;
    }

    /** Polls every 2 ms (a search each time), giving up after 30 s. */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not seen on B within 30 s");
            }
            Thread.sleep(2);
        }
    }

    private void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "%-26s n=%,d  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", what, sorted.length,
                at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
