package dev.copbot.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.copbot.app.backup.BesideLocks;
import dev.copbot.app.config.Settings;
import dev.copbot.core.CopBot;
import dev.copbot.core.discussion.IndexFollower;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.app.config.ConfigException;
import dev.copbot.app.config.SearchSettings;
import dev.copbot.core.command.Unavailable;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.opensearch.OpenSearchIndex;
import java.net.URI;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.Jobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wired bot: store opened and migrated, search index opened and brought up to the store (the change log replayed
 * from the index's position; rebuilt only when it is missing, unreadable, of an older format or too far behind), a
 * follower applying what any replica commits, core built, ports registered, event reminders polling the store. Close it
 * to stop the reminders and the follower, flush the index and release the store.
 */
public final class BotRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);
    private static final long FLUSH_SECONDS = 5;
    /** How often the follower reads the log when no notification wakes it (SQLite; PostgreSQL while LISTEN is down). */
    static final Duration POLL = Duration.ofMillis(500);

    private final Database database;
    private final CopBot bot;
    private final ScheduledExecutorService flusher;
    private final IndexFollower follower;
    private final Scheduler reminders;
    private final SearchBackend index;
    /** Held beside a running bot, so a restore sees this process too (see {@link BesideLocks}). */
    private AutoCloseable besideLock;

    private BotRuntime(Database database, CopBot bot, SearchBackend index, ScheduledExecutorService flusher,
                       IndexFollower follower, Clock clock) {
        this.database = database;
        this.bot = bot;
        this.index = index;
        this.flusher = flusher;
        this.follower = follower;
        // Beside a running bot, that bot runs the jobs: here they would post through the wrong ports (or none).
        this.reminders = follower == null ? null : Jobs.start(database, clock, Duration.ofSeconds(5), bot.jobs());
    }

    /** What a command does when a running bot already holds the data directory's search index. */
    private enum WhenIndexHeld {
        /** Open it anyway, which fails saying the index is locked: the bot itself ({@code run}), {@code reindex}. */
        OPEN,
        /** Write the store only: {@code import}; the running bot indexes what it writes. */
        STORE_ONLY,
        /** Search the bot's index as it last committed it and write the store only: {@code console}. */
        READ_ONLY
    }

    public static BotRuntime start(Settings settings, Clock clock, ChatPort... ports) {
        return start(settings, Ranking.defaults(), clock, ports);
    }

    /** With a ranking other than the defaults: for the benchmark that measures what each part of it costs. */
    public static BotRuntime start(Settings settings, Ranking ranking, Clock clock, ChatPort... ports) {
        return start(settings, ranking, clock, WhenIndexHeld.OPEN, ports);
    }

    /**
     * For {@code copbot import}: when a running bot holds this data directory's index, the import writes the store
     * (and its change log) only, and the running bot indexes what it writes as it goes.
     */
    public static BotRuntime startForImport(Settings settings, Clock clock) {
        return start(settings, Ranking.defaults(), clock, WhenIndexHeld.STORE_ONLY);
    }

    /**
     * For {@code copbot console}: when a running bot holds the index, the console searches that index as the bot last
     * committed it (every few seconds) and writes the store only; the bot indexes what the console changes, and runs
     * the jobs.
     */
    public static BotRuntime startForConsole(Settings settings, Clock clock, ChatPort... ports) {
        return start(settings, Ranking.defaults(), clock, WhenIndexHeld.READ_ONLY, ports);
    }

    /**
     * Reads every workspace's answers for expert finding in the background, so the first question after a start does
     * not wait seconds for it. For the long-running bot only: an import, a reindex or a one-off command would pay for
     * it without asking a question.
     */
    public void warmUpExperts() {
        Thread.ofVirtual().name("copbot-experts-warm-up").start(() -> {
            try {
                bot.experts().warmUp();
            } catch (RuntimeException e) {
                log.warn("reading the answers for expert finding ahead failed; the first question reads them: {}",
                        e.toString());
            }
        });
    }

    /** True when {@link #startForImport} or {@link #startForConsole} found the index held by a running bot. */
    public boolean storeOnly() {
        return follower == null;
    }

    /** Where the search index of a data directory lives. */
    public static Path indexDirectory(Settings settings) {
        return settings.dataDir().resolve("index");
    }

    private static BotRuntime start(Settings settings, Ranking ranking, Clock clock, WhenIndexHeld whenHeld,
                                    ChatPort... ports) {
        Database db = Database.open(settings.database());
        try {
            ChatPorts registry = new ChatPorts();
            for (ChatPort p : ports) {
                registry.register(p);
            }
            Path dir = indexDirectory(settings);
            if (whenHeld != WhenIndexHeld.OPEN && SearchIndex.inUse(dir)) {
                log.info("a bot runs on {}: writing the store only; the bot indexes what is written", dir);
                SearchBackend index = settings.search().openSearch() ? openSearch(settings, ranking)
                        : whenHeld == WhenIndexHeld.READ_ONLY ? SearchIndex.openReadOnly(dir, ranking)
                        : SearchIndex.inMemory(ranking);
                CopBot bot = new CopBot(db, index, settings.bot().withRanking(ranking), clock, registry);
                bot.discussions().writeStoreOnly();
                BotRuntime runtime = new BotRuntime(db, bot, null, null, null, clock);
                runtime.besideLock = BesideLocks.hold(dir);
                return runtime;
            }
            SearchBackend index;
            AutoCloseable running = null;
            if (settings.search().openSearch()) {
                index = openSearch(settings, ranking);
                // The data directory's index lock still says "a bot runs here", for imports and consoles beside it.
                running = BesideLocks.holdAsRunningBot(lockDirectory(dir));
            } else {
                index = SearchIndex.open(prepareIndexDirectory(dir), ranking);
            }
            CopBot bot = new CopBot(db, index, settings.bot().withRanking(ranking), clock, registry);
            bot.discussions().reconcile();
            ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "copbot-index-flush");
                t.setDaemon(true);
                return t;
            });
            flusher.scheduleWithFixedDelay(() -> {
                try {
                    if (bot.discussions().dirty()) {
                        bot.discussions().flush();
                    }
                } catch (RuntimeException e) {
                    log.warn("flushing the search index failed: {}", e.getMessage());
                }
            }, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
            BotRuntime runtime = new BotRuntime(db, bot, index, flusher, IndexFollower.start(bot.discussions(), POLL), clock);
            runtime.besideLock = running;
            return runtime;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The configured OpenSearch index, created on first use; fails with what to check when it cannot be reached. */
    private static SearchBackend openSearch(Settings settings, Ranking ranking) {
        SearchSettings search = settings.search();
        String url = search.openSearchUrl().orElseThrow();
        try {
            OpenSearchIndex index = OpenSearchIndex.connect(URI.create(url), search.openSearchUser().orElse(null),
                    search.openSearchPassword().orElse(null), search.openSearchIndex(), ranking);
            log.info("search backend: OpenSearch at {}, index {}", url, search.openSearchIndex());
            return index;
        } catch (Unavailable e) {
            throw new ConfigException("search.backend is opensearch, but OpenSearch at " + url + " cannot be reached ("
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()) + "). Start it, or check "
                    + "COPBOT_OPENSEARCH_URL; COPBOT_SEARCH_BACKEND=lucene uses the embedded index instead.");
        }
    }

    private void releaseBesideLock() {
        if (besideLock != null) {
            try {
                besideLock.close();
            } catch (Exception e) {
                log.debug("releasing the beside lock: {}", e.toString());
            }
        }
    }

    /** With the index on OpenSearch the directory holds only the lock: created, never checked as an index. */
    private static Path lockDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** An index that exists but cannot be read (corrupt, or an older format) is moved out of the way. */
    static Path prepareIndexDirectory(Path dir) {
        try {
            boolean hasFiles = Files.isDirectory(dir) && hasEntries(dir);
            if (hasFiles && !SearchIndex.readable(dir)) {
                log.warn("the search index in {} is unreadable or of an older format: rebuilding it from the store", dir);
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the search index directory " + dir, e);
        }
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    public CopBot bot() {
        return bot;
    }

    public Database database() {
        return database;
    }

    /** The process's scheduler (event reminders, asks, community life): for its backlog on /metrics; null beside a bot. */
    public Scheduler scheduler() {
        return reminders;
    }

    /** The search index: for how far its durable state is behind the store, on /metrics. */
    public SearchBackend index() {
        return index;
    }

    @Override
    public void close() {
        if (reminders != null) {
            reminders.stop();
        }
        if (follower != null) {
            follower.close();
            // Let a flush in progress finish: interrupting it closes the index's files under Lucene (lock invalidated).
            flusher.shutdown();
            try {
                if (!flusher.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.warn("a search index flush still runs after 30 s; closing the index anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            bot.discussions().close();
        } finally {
            database.close();
            releaseBesideLock();
        }
    }
}
