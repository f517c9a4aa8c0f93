package dev.copbot.core.history;

import static dev.copbot.core.history.ReplicaScenarios.AT;
import static dev.copbot.core.history.ReplicaScenarios.OPS;
import static dev.copbot.core.history.ReplicaScenarios.found;
import static dev.copbot.core.history.ReplicaScenarios.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.discussion.IndexFollower;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.DatabaseSettings;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarted, as the bot sees it: every connection of both replicas is ended by the server at once (their
 * pools' and their LISTEN connections), without touching the server itself. The test's connections carry an
 * application name of their own, and only those are terminated, so other tests on the server go on undisturbed.
 * The followers poll only every 30 s here: B finding a message within 2 s means its notifications came back.
 */
class ReplicaReconnectPostgresTest {
    private static final Duration SLOW_POLL = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    String application;
    Database storeA;
    Database storeB;
    CopBot a;
    CopBot b;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() {
        TestDatabases.requirePostgres();
        long pid = ProcessHandle.current().pid();
        application = "copbot-reconnect-test-" + pid + "-" + System.nanoTime();
        String schema = "copbot_test_reconnect_" + pid + "_" + System.nanoTime();
        storeA = open(schema);
        storeB = open(schema);
        a = replica(storeA, "a");
        b = replica(storeB, "b");
        a.discussions().store().channels().upsert(OPS, AT);
        a.discussions().store().channels().setIndexed(OPS.id(), true);
        found(a, "warm up");
        found(b, "warm up");
    }

    private Database open(String schema) {
        String url = TestDatabases.POSTGRES_URL + (TestDatabases.POSTGRES_URL.contains("?") ? "&" : "?")
                + "ApplicationName=" + application;
        return Database.open(new DatabaseSettings(Path.of("target"), Optional.of(url),
                Optional.of(TestDatabases.POSTGRES_USER), Optional.empty(), Optional.of(schema)));
    }

    private CopBot replica(Database store, String name) {
        CopBot bot = new CopBot(store, SearchIndex.open(tmp.resolve("index-" + name), Ranking.defaults()),
                BotSettings.defaults(), BotDriver.CLOCK, new ChatPorts());
        bot.discussions().reconcile();
        open.add(bot.discussions());
        open.add(IndexFollower.start(bot.discussions(), SLOW_POLL));
        return bot;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        if (storeB != null) {
            storeB.close();
        }
        if (storeA != null) {
            TestDatabases.dropSchema(storeA);
            storeA.close();
        }
    }

    @Test
    void afterEveryConnectionIsDroppedAMessagePostedOnAIsSearchableOnBWithinTwoSeconds() throws Exception {
        post("1700000000.000100", "Kubelet evicts pods under memory pressure");
        within(() -> found(b, "kubelet eviction").size() == 1, "a message on B before the drop");
        within(() -> listening() == 2, "both replicas listening");

        // A busy bot used its pooled connections a moment ago: the pool hands them out again without checking them.
        storeA.count("SELECT 1");
        storeB.count("SELECT 1");
        assertThat(terminateOurConnections()).as("connections ended").isGreaterThanOrEqualTo(4);

        post("1700000000.000200", "Etcd compaction frees the disk after a defrag");
        within(() -> found(b, "etcd defrag").size() == 1, "a message posted on A right after the drop, on B");
        within(() -> listening() == 2, "both replicas listening again");
        post("1700000000.000300", "Ingress timeouts come from the idle keepalive");
        within(() -> found(b, "ingress keepalive").size() == 1, "the next message on B, woken by a notification");
    }

    private void post(String ts, String text) {
        a.handle(new Inbound.MessagePosted(new Message(new MessageId(OPS.id(), ts), UserId.parse("slack:T0TEST:U1"),
                text, AT, Optional.empty()), OPS));
    }

    /** Ends every server connection of this test (and no other): what a PostgreSQL restart does to the bot. */
    private int terminateOurConnections() throws SQLException {
        return countOrTerminate("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = ? AND pid <> pg_backend_pid()");
    }

    /** This test's connections waiting for notifications: the replicas' change listeners. */
    private int listening() {
        try {
            return countOrTerminate("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?"
                    + " AND query LIKE 'LISTEN %' AND state = 'idle'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int countOrTerminate(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, null);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, application);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
