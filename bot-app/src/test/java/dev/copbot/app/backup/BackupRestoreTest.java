package dev.copbot.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.Main;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.core.discussion.SearchRequest;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.DatabaseSettings;
import dev.copbot.core.testing.BotDriver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 18: {@code copbot backup} while the store is open and written to, {@code copbot restore} into another data
 * directory, and the restored bot finds every message, event and kudos (and searches them again).
 */
class BackupRestoreTest {
    static final Channel KAFKA = new Channel(ChannelId.parse("slack:T1:C100"), "kafka", Visibility.PUBLIC);

    static final String MESSAGES = "SELECT channel_id || ' ' || message_id || ' ' || thread_root || ' ' || author || ' ' "
            + "|| posted_at || ' ' || text FROM messages ORDER BY channel_id, message_id";
    static final String KUDOS = "SELECT giver || ' ' || receiver || ' ' || COALESCE(reason, '') FROM kudos ORDER BY id";

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run copbot(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(System.out, true));
            cli.setErr(new PrintWriter(System.err, true));
            int exit = cli.execute(args);
            System.out.flush();
            System.err.flush();
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void aBackupTakenWhileTheStoreIsInUseRestoresEveryMessageEventAndKudos() throws Exception {
        Path source = tmp.resolve("source");
        Path backup = tmp.resolve("backups/copbot-2026-12-06.db");
        EmbeddedStore.Counts original;
        List<String> messages;
        List<String> kudos;
        try (Database db = Database.open(DatabaseSettings.embedded(source))) {
            BotDriver bot = new BotDriver(db);
            assertThat(bot.admin("community create kafka").ok()).isTrue();
            assertThat(bot.as("bob", "join kafka").ok()).isTrue();
            bot.indexChannel(KAFKA, Instant.parse("2026-11-01T00:00:00Z"));
            for (int i = 0; i < 120; i++) {
                bot.post(KAFKA, "1700000000." + String.format("%06d", i), "slack:T1:U" + (i % 7),
                        "consumer lag question number " + i + " about rebalancing", i % 3 == 0 || i < 3 ? null
                                : "1700000000." + String.format("%06d", i - i % 3), Instant.parse("2026-11-02T10:00:00Z").plusSeconds(i));
            }
            assertThat(bot.admin("event create \"Kafka office hours\" 2026-12-20 16:00 tz:UTC community:kafka").ok()).isTrue();
            assertThat(bot.admin("event create \"Schema registry deep dive\" 2027-01-12 15:00 tz:UTC community:kafka").ok()).isTrue();
            assertThat(bot.as("carol", "kudos @bob for the lag fix").ok()).isTrue();
            assertThat(bot.as("alice", "kudos @carol for the runbook").ok()).isTrue();
            original = EmbeddedStore.verify(source.resolve("copbot.db"));
            messages = db.query(MESSAGES, rs -> rs.getString(1));
            kudos = db.query(KUDOS, rs -> rs.getString(1));
            assertThat(original.messages()).isEqualTo(120);
            assertThat(original.events()).isEqualTo(2);
            assertThat(original.kudos()).isEqualTo(2);

            // Online: the store stays open (and a writer keeps going) while the backup is taken.
            Thread writer = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 50; i++) {
                    bot.as("user" + i, "skills add kafka");
                }
            });
            Run run = copbot("backup", "--data", source.toString(), backup.toString());
            writer.join();
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("Backed up", "120 messages, 2 events, 2 kudos");
            assertThat(copbot("backup", "--data", source.toString(), backup.toString()).err())
                    .as("never overwrites").contains("exists already");
        }

        Path target = tmp.resolve("target");
        Run restored = copbot("restore", "--data", target.toString(), backup.toString());
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("120 messages, 2 events, 2 kudos");

        var settings = new ConfigLoader(Map.of()).load(Optional.empty(), Optional.of(target));
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC())) {
            assertThat(runtime.database().count("SELECT COUNT(*) FROM messages")).isEqualTo(120);
            assertThat(runtime.database().query("SELECT title FROM events ORDER BY title", rs -> rs.getString(1)))
                    .containsExactly("Kafka office hours", "Schema registry deep dive");
            assertThat(runtime.database().count("SELECT COUNT(*) FROM kudos")).isEqualTo(2);
            assertThat(runtime.database().query(MESSAGES, rs -> rs.getString(1))).isEqualTo(messages);
            assertThat(runtime.database().query(KUDOS, rs -> rs.getString(1))).isEqualTo(kudos);
            // The index was rebuilt from the restored store: its messages are found again.
            var results = runtime.bot().discussions().search(UserId.parse("slack:T1:U1"),
                    SearchRequest.parse("rebalancing"), 0, 5);
            assertThat(results.total()).isGreaterThan(0);

            Run refused = copbot("restore", "--data", target.toString(), backup.toString());
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.err()).contains("is in use", "stop it first");
        }
        assertThat(Files.list(target).map(p -> p.getFileName().toString()))
                .as("a second restore after the bot stopped keeps the replaced store").doesNotContain("copbot.db.partial");
    }

    @Test
    void aPostgresStoreIsPointedToPgDump() throws Exception {
        Path config = Files.writeString(tmp.resolve("copbot.yaml"),
                "database:\n  url: jdbc:postgresql://127.0.0.1:5432/copbot\n");
        Run backup = copbot("backup", "--config", config.toString(), tmp.resolve("x.db").toString());
        assertThat(backup.exit()).isEqualTo(2);
        assertThat(backup.err()).contains("PostgreSQL", "pg_dump");
        Run restore = copbot("restore", "--config", config.toString(), tmp.resolve("x.db").toString());
        assertThat(restore.exit()).isEqualTo(2);
        assertThat(restore.err()).contains("pg_restore");
        assertThat(tmp.resolve("x.db")).doesNotExist();
    }

    @Test
    void aDataDirectoryWithoutAStoreHasNothingToBackUp() {
        Run run = copbot("backup", "--data", tmp.toString(), tmp.resolve("x.db").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("no store");
    }
}
