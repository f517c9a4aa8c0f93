package dev.copbot.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.discussion.IndexFollower;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.StoreKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dev.copbot.core.discussion.SearchIndex;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same export imported by two replicas at once (two processes, each with its own connection pool and index), as
 * when two machines run {@code copbot import} by mistake or an import job is retried while the first still runs. Both
 * finish without error and the store ends exactly as after one import: the stored keys and ON CONFLICT make the batch
 * that commits second find its rows there, and count them as already stored. A third replica following the change log
 * indexes every thread once.
 */
abstract class ConcurrentImportScenarios {
    /** Small batches: many transactions, so the two imports interleave rather than one finishing first. */
    static final int BATCH = 3;

    @TempDir
    Path tmp;
    final List<AutoCloseable> open = new ArrayList<>();
    Database reference;
    Database store;

    abstract StoreKind kind();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        kind().dispose(store);
        kind().dispose(reference);
    }

    @Test
    void twoImportsOfTheSameExportAtOnceStoreEverythingOnce() throws Exception {
        Path export = BusyExport.write(tmp.resolve("export"));
        reference = kind().open(tmp.resolve("reference"));
        ImportSummary alone = importInto(new CopBot(reference, BotSettings.defaults(), BotDriver.CLOCK, new ChatPorts()),
                export);

        store = kind().open(tmp.resolve("store"));
        CopBot follower = replica(store, "follower");
        open.add(IndexFollower.start(follower.discussions(), Duration.ofMillis(500)));
        CopBot a = replica(another(), "a");
        CopBot b = replica(another(), "b");

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ImportSummary> first = pool.submit(() -> {
                go.await();
                return importInto(a, export);
            });
            Future<ImportSummary> second = pool.submit(() -> {
                go.await();
                return importInto(b, export);
            });
            go.countDown();
            ImportSummary sa = first.get(60, TimeUnit.SECONDS);
            ImportSummary sb = second.get(60, TimeUnit.SECONDS);
            System.out.printf("concurrent imports: A stored %d messages and found %d stored, B %d and %d%n",
                    sa.messages(), sa.alreadyStored(), sb.messages(), sb.alreadyStored());

            // Every message, reaction, edit and thread counted by exactly one of the two, as one import counts them.
            assertThat(sa.threads() + sb.threads()).isEqualTo(alone.threads()).isPositive();
            assertThat(sa.replies() + sb.replies()).isEqualTo(alone.replies());
            assertThat(sa.reactions() + sb.reactions()).isEqualTo(alone.reactions());
            assertThat(sa.edits() + sb.edits()).isEqualTo(alone.edits());
            // A file one of them finished before the other planned is unchanged for the other, which does not read it.
            Set<String> problems = new HashSet<>(sa.problems());
            problems.addAll(sb.problems());
            assertThat(problems).containsExactlyInAnyOrderElementsOf(alone.problems());
        } finally {
            pool.shutdownNow();
        }

        assertThat(rows(store)).isEqualTo(rows(reference));
        assertThat(progress(store)).as("each file's progress, as after one import").isEqualTo(progress(reference));
        Map<String, Integer> threads = threadSizes(store);
        assertThat(threads).isEqualTo(threadSizes(reference));

        // The change log: no gap, no position twice, and every stored thread logged.
        long head = store.changes().head();
        assertThat(store.count("SELECT COUNT(DISTINCT position) FROM change_log")).isEqualTo(head);
        assertThat(store.count("SELECT MAX(position) FROM change_log")).isEqualTo(head);
        assertThat(Set.copyOf(store.query("SELECT target FROM change_log WHERE kind = 'thread'", rs -> rs.getString(1))))
                .isEqualTo(threads.keySet());

        ReplicaScenarios.within(() -> follower.discussions().position() == head, "the follower at the log's head");
        for (CopBot replica : List.of(follower, a, b)) {
            replica.discussions().catchUp();
            assertThat(indexed(replica)).as("each thread indexed once, with all its replies").isEqualTo(threads);
        }
        assertThat(ReplicaScenarios.found(follower, BusyExport.word(35))).hasSize(1);
    }

    private Database another() {
        Database db = kind().another(store, tmp.resolve("store"));
        open.add(db);
        return db;
    }

    /** Replica {@code name}'s search backend: an index directory of its own, as on its own machine. */
    SearchBackend index(String name) {
        return SearchIndex.open(tmp.resolve("index-" + name), Ranking.defaults());
    }

    private CopBot replica(Database db, String name) {
        CopBot bot = new CopBot(db, index(name), BotSettings.defaults(), BotDriver.CLOCK, new ChatPorts());
        bot.discussions().reconcile();
        open.add(bot.discussions());
        return bot;
    }

    private static ImportSummary importInto(CopBot bot, Path export) {
        Database db = bot.discussions().store().database();
        HistoryImport importer = new HistoryImport(bot.discussions(), new UserDirectory(db), new CommunityStore(db),
                BotDriver.CLOCK, BATCH);
        try (SlackExportReader reader = SlackExportReader.open(export, Optional.empty(), Set.of(), p -> {})) {
            return importer.run(reader, Optional.empty(), ImportListener.SILENT);
        }
    }

    /** What an import writes, without the run's own timestamps. */
    static List<String> rows(Database db) {
        List<String> rows = new ArrayList<>();
        rows.addAll(db.query("SELECT channel_id, message_id, thread_root, author, text, posted_at, edited_at FROM messages"
                + " ORDER BY 1, 2", rs -> "m " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                + rs.getString(4) + " " + rs.getString(5) + " " + rs.getLong(6) + " " + rs.getObject(7)));
        rows.addAll(db.query("SELECT channel_id, message_id, user_id, emoji FROM reactions ORDER BY 1, 2, 3, 4",
                rs -> "r " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)));
        rows.addAll(db.query("SELECT channel_id, user_id FROM channel_members ORDER BY 1, 2",
                rs -> "cm " + rs.getString(1) + " " + rs.getString(2)));
        rows.addAll(db.query("SELECT id, display_name FROM users ORDER BY 1", rs -> "u " + rs.getString(1) + " " + rs.getString(2)));
        rows.addAll(db.query("SELECT id, name, visibility, indexed FROM channels ORDER BY 1",
                rs -> "c " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4)));
        return rows;
    }

    static List<String> progress(Database db) {
        return db.query("SELECT source, file, fingerprint, position, done FROM import_files ORDER BY 1, 2",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4) + " "
                        + rs.getInt(5));
    }

    /** Each stored thread's key (as the change log and the index write it) and its number of replies. */
    static Map<String, Integer> threadSizes(Database db) {
        Map<String, Integer> sizes = new HashMap<>();
        db.query("SELECT channel_id, thread_root, COUNT(*) FROM messages GROUP BY channel_id, thread_root", rs ->
                sizes.put(rs.getString(1) + "|" + rs.getString(2), rs.getInt(3) - 1));
        return sizes;
    }

    /** Each indexed thread's key and reply count; a thread indexed twice fails here. */
    static Map<String, Integer> indexed(CopBot bot) {
        return bot.discussions().withIndex(view -> {
            Map<String, Integer> out = new HashMap<>();
            for (SearchIndex.Hit hit : view.search(new MatchAllDocsQuery(), 0, (int) Math.max(1, view.docCount()), Integer.MAX_VALUE).hits()) {
                Integer before = out.put(hit.key().asString(), hit.replies());
                assertThat(before).as("thread %s indexed twice", hit.key().asString()).isNull();
            }
            return out;
        });
    }
}
