package dev.copbot.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** copbot import slack-export on a hand-written export, end to end through search. Runs on each database. */
abstract class SlackImportScenarios {
    @TempDir
    Path tmp;
    final List<Database> opened = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    /** Which store this run of the scenarios uses. */
    abstract StoreKind kind();

    Database open(Path dir) {
        return kind().open(dir);
    }

    void dispose(Database database) {
        kind().dispose(database);
    }

    @AfterEach
    void stop() {
        opened.forEach(this::dispose);
    }

    BotDriver bot(String name) {
        Database db = open(tmp.resolve(name));
        opened.add(db);
        return new BotDriver(db);
    }

    ImportSummary importSlack(BotDriver bot, Path export, ImportListener listener, int batch, Set<String> only) {
        return importSlack(bot, export, listener, batch, only, Optional.empty());
    }

    ImportSummary importSlack(BotDriver bot, Path export, ImportListener listener, int batch, Set<String> only,
                              Optional<String> community) {
        HistoryImport importer = new HistoryImport(bot.bot().discussions(), new UserDirectory(db(bot)),
                new CommunityStore(db(bot)), BotDriver.CLOCK, batch);
        try (SlackExportReader reader = SlackExportReader.open(export, Optional.empty(), only, problems::add)) {
            return importer.run(reader, community, new ImportListener() {
                @Override
                public void planned(int files, long entries) {
                    listener.planned(files, entries);
                }

                @Override
                public void progressed(int filesDone, long entriesDone, long messagesImported) {
                    listener.progressed(filesDone, entriesDone, messagesImported);
                }

                @Override
                public void problem(String line) {
                    problems.add(line);
                }
            });
        }
    }

    ImportSummary importSlack(BotDriver bot, Path export) {
        return importSlack(bot, export, ImportListener.SILENT, HistoryImport.BATCH, Set.of());
    }

    static Database db(BotDriver bot) {
        return bot.bot().discussions().store().database();
    }

    static Reply search(BotDriver bot, String user, String query) {
        return bot.as(new Actor(UserId.parse("slack:T0TEST:" + user), user, Optional.empty(), false), "search " + query);
    }

    @SuppressWarnings("unchecked")
    static List<String> titles(Reply reply) {
        return ((List<Map<String, Object>>) reply.data().get("results")).stream().map(r -> (String) r.get("title")).toList();
    }

    /** Everything an import writes, as comparable rows (ids, texts, membership, names), with no timestamps of the run. */
    static List<String> snapshot(BotDriver bot) {
        Database db = db(bot);
        List<String> rows = new ArrayList<>();
        rows.addAll(db.query("SELECT channel_id, message_id, thread_root, author, text, posted_at, edited_at FROM messages "
                + "ORDER BY channel_id, message_id", rs -> "m " + rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5) + " " + rs.getLong(6) + " " + rs.getObject(7)));
        rows.addAll(db.query("SELECT channel_id, message_id, user_id, emoji FROM reactions ORDER BY 1, 2, 3, 4",
                rs -> "r " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)));
        rows.addAll(db.query("SELECT channel_id, user_id FROM channel_members ORDER BY 1, 2",
                rs -> "cm " + rs.getString(1) + " " + rs.getString(2)));
        rows.addAll(db.query("SELECT id, display_name FROM users ORDER BY 1", rs -> "u " + rs.getString(1) + " " + rs.getString(2)));
        rows.addAll(db.query("SELECT id, name, visibility, indexed FROM channels ORDER BY 1",
                rs -> "c " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4)));
        return rows;
    }

    @Test
    void importsThreadsRepliesReactionsEditsFilesAndBotsAndSkipsWhatIsNotDiscussion() throws Exception {
        BotDriver bot = bot("a");
        ImportSummary s = importSlack(bot, SlackFixture.write(tmp.resolve("export")));

        assertThat(s.source()).isEqualTo("slack:T0TEST");
        assertThat(s.threads()).isEqualTo(6);
        assertThat(s.replies()).isEqualTo(2);
        assertThat(s.reactions()).isEqualTo(3);
        assertThat(s.channels()).isEqualTo(3);
        assertThat(s.users()).isEqualTo(6); // four in users.json, the bot B9 and U9 found in messages
        assertThat(s.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "system message (join, leave, topic, purpose, rename, pin…)", 5L, "unknown subtype 'frobnicate'", 1L));
        assertThat(s.warnings()).containsExactlyEntriesOf(Map.of(
                "messages by people missing from users.json (kept under their ids)", 1L));
        assertThat(s.filesRead()).isEqualTo(4);
        assertThat(s.filesFailed()).isEqualTo(1);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("kafka/2024-01-03.json", "malformed JSON"))
                .anySatisfy(p -> assertThat(p).contains("kafka/2024-01-01.json", "frobnicate"))
                .anySatisfy(p -> assertThat(p).contains("U9 is not in users.json"));

        // Names as users.json gives them (display_name, else real_name, else name), or the message's profile.
        UserDirectory users = new UserDirectory(db(bot));
        assertThat(users.displayName(UserId.parse("slack:T0TEST:U1"))).isEqualTo("Alice");
        assertThat(users.displayName(UserId.parse("slack:T0TEST:U2"))).isEqualTo("Bob Builder");
        assertThat(users.displayName(UserId.parse("slack:T0TEST:U3"))).isEqualTo("carol");
        assertThat(users.displayName(UserId.parse("slack:T0TEST:U9"))).isEqualTo("Zed");
        assertThat(users.displayName(UserId.parse("slack:T0TEST:B9"))).isEqualTo("deploybot");
        // The thread: root, the edited reply with the asker's check mark (solved), the reply from the next day.
        Reply lag = search(bot, "U3", "consumer lag rebalance");
        assertThat(titles(lag)).first().isEqualTo("Consumer lag keeps growing");
        assertThat(search(bot, "U3", "max.poll.records is:solved").data().get("total")).isEqualTo(1L);
        assertThat(search(bot, "U3", "flink").data().get("total")).isEqualTo(1L);
        assertThat(titles(search(bot, "U3", "partition lag graph"))).first().isEqualTo("file: lag.png (Partition lag graph)");
        assertThat(titles(search(bot, "U3", "kafka-connect"))).containsExactly("Deploy finished");
        assertThat(titles(search(bot, "U3", "zookeeper"))).hasSize(1);
        assertThat(search(bot, "U3", "frobnicate OR topic").data().get("total")).isEqualTo(0L);

        // Who may read what: leads is private (U2 joined then left), the DM is U1's and U2's.
        assertThat(titles(search(bot, "U1", "lag budget"))).contains("Lag budget for Q3");
        assertThat(titles(search(bot, "U2", "lag budget"))).doesNotContain("Lag budget for Q3");
        assertThat(titles(search(bot, "U2", "secret rotation"))).hasSize(1);
        assertThat(titles(search(bot, "U3", "secret rotation"))).isEmpty();

        var store = bot.bot().discussions().store();
        assertThat(store.channels().indexable(ChannelId.parse("slack:T0TEST:C1"))).isTrue();
        assertThat(store.members().contains(ChannelId.parse("slack:T0TEST:C1"), UserId.parse("slack:T0TEST:U2"))).isTrue();
        assertThat(db(bot).count("SELECT COUNT(*) FROM messages")).isEqualTo(8);
        assertThat(db(bot).count("SELECT COUNT(*) FROM messages WHERE edited_at = ?", 1704100100000L)).isEqualTo(1);
    }

    @Test
    void reimportingTheSameExportAddsNothing() throws Exception {
        BotDriver bot = bot("a");
        Path export = SlackFixture.write(tmp.resolve("export"));
        importSlack(bot, export);
        List<String> before = snapshot(bot);
        List<String> found = titles(search(bot, "U1", "consumer lag"));

        ImportSummary again = importSlack(bot, export);

        assertThat(again.messages()).isZero();
        assertThat(again.edits()).isZero();
        assertThat(again.reactions()).isZero();
        assertThat(again.filesUnchanged()).isEqualTo(4);
        assertThat(again.filesFailed()).isEqualTo(1); // the malformed file is reported again
        assertThat(snapshot(bot)).isEqualTo(before);
        assertThat(titles(search(bot, "U1", "consumer lag"))).isEqualTo(found).hasSize(4);
    }

    @Test
    void aNewerOverlappingExportAddsOnlyNewMessagesAndAppliesEdits() throws Exception {
        BotDriver bot = bot("a");
        importSlack(bot, SlackFixture.write(tmp.resolve("v1")));

        ImportSummary s = importSlack(bot, SlackFixture.writeNewer(tmp.resolve("v2")));

        assertThat(s.threads()).isEqualTo(2);
        assertThat(s.replies()).isEqualTo(1);
        assertThat(s.edits()).isEqualTo(1);
        assertThat(s.alreadyStored()).isEqualTo(6);
        assertThat(s.filesUnchanged()).isEqualTo(2); // leads and the DM
        assertThat(s.filesFailed()).isZero();
        assertThat(search(bot, "U3", "\"consumer group id\"").data().get("total")).isEqualTo(1L);
        assertThat(search(bot, "U3", "handler").data().get("total")).isEqualTo(0L);
        assertThat(titles(search(bot, "U3", "tiered storage"))).containsExactly("Tiered storage on brokers");
        assertThat(db(bot).count("SELECT COUNT(*) FROM messages")).isEqualTo(11);

        // The older export again: its edit is older than the stored one, so nothing goes back.
        ImportSummary older = importSlack(bot, tmp.resolve("v1"));
        assertThat(older.edits()).isZero();
        assertThat(older.messages()).isZero();
        assertThat(search(bot, "U3", "\"consumer group id\"").data().get("total")).isEqualTo(1L);
    }

    @Test
    void anImportStoppedBetweenBatchesEndsLikeAnUninterruptedOne() throws Exception {
        Path export = SlackFixture.write(tmp.resolve("export"));
        BotDriver clean = bot("clean");
        importSlack(clean, export);
        List<String> cleanRows = snapshot(clean); // before searches record the searchers' names

        for (int stopAfter = 1; stopAfter <= 4; stopAfter++) {
            BotDriver crashed = bot("crashed" + stopAfter);
            int[] batches = {0};
            int limit = stopAfter;
            assertThatThrownBy(() -> importSlack(crashed, export, new ImportListener() {
                @Override
                public void planned(int files, long entries) {}

                @Override
                public void progressed(int filesDone, long entriesDone, long messagesImported) {
                    if (++batches[0] == limit) {
                        throw new IllegalStateException("killed");
                    }
                }

                @Override
                public void problem(String line) {}
            }, 2, Set.of())).hasMessage("killed");
            // A new process: the same store, a search index that lost what it had not saved (here: all of it, an
            // index at change 0); it replays the change log instead of being rebuilt.
            BotDriver resumed = new BotDriver(db(crashed));
            problems.clear();
            ImportSummary s = importSlack(resumed, export, ImportListener.SILENT, 2, Set.of());
            assertThat(resumed.bot().discussions().rebuilds()).isZero();
            assertThat(snapshot(resumed)).as("stopped after batch " + stopAfter).isEqualTo(cleanRows);
            for (String query : List.of("consumer lag", "max.poll.records is:solved", "flink", "kafka-connect", "lag graph")) {
                assertThat(search(resumed, "U1", query).text()).as(query).isEqualTo(search(clean, "U1", query).text());
            }
            assertThat(s.filesUnchanged() + s.filesRead()).isEqualTo(4);
        }
    }

    @Test
    void channelsLimitsTheImportAndAnUnknownNameIsExplained() throws Exception {
        BotDriver bot = bot("a");
        Path export = SlackFixture.write(tmp.resolve("export"));
        ImportSummary s = importSlack(bot, export, ImportListener.SILENT, HistoryImport.BATCH, Set.of("leads"));
        assertThat(s.channels()).isEqualTo(1);
        assertThat(s.threads()).isEqualTo(1);
        assertThat(db(bot).count("SELECT COUNT(*) FROM messages WHERE channel_id <> 'slack:T0TEST:G1'")).isZero();

        assertThatThrownBy(() -> importSlack(bot, export, ImportListener.SILENT, HistoryImport.BATCH, Set.of("kafak")))
                .isInstanceOf(ImportException.class).hasMessageContaining("no channel 'kafak'")
                .hasMessageContaining("Did you mean 'kafka'");
    }

    @Test
    void aZipImportsLikeItsFolderAndATruncatedOneImportsWhatIsComplete() throws Exception {
        Path folder = SlackFixture.write(tmp.resolve("export"));
        Path zip = SlackFixture.zip(folder, tmp.resolve("export.zip"));
        BotDriver fromFolder = bot("folder");
        importSlack(fromFolder, folder);
        BotDriver fromZip = bot("zip");
        ImportSummary s = importSlack(fromZip, zip);
        assertThat(s.threads()).isEqualTo(6);
        assertThat(snapshot(fromZip)).isEqualTo(snapshot(fromFolder));

        byte[] bytes = Files.readAllBytes(zip);
        Path cut = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length * 3 / 4));
        BotDriver fromCut = bot("cut");
        problems.clear();
        ImportSummary partial = importSlack(fromCut, cut);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("cut.zip", "damaged or cut short"));
        assertThat(partial.messages()).isPositive().isLessThanOrEqualTo(8);
    }

    @Test
    void importingIntoACommunityMakesTheChannelsMembersItsMembersSinceTheirFirstMessage() throws Exception {
        BotDriver bot = bot("community");
        bot.admin("community create kafka");
        importSlack(bot, SlackFixture.write(tmp.resolve("export")), ImportListener.SILENT, HistoryImport.BATCH,
                Set.of("kafka"), Optional.of("kafka"));
        Map<String, Long> joined = new TreeMap<>();
        db(bot).query("SELECT user_id, joined_at FROM memberships WHERE community = 'kafka'", rs -> {
            joined.put(rs.getString(1), rs.getLong(2));
            return null;
        });
        assertThat(joined).containsOnlyKeys("slack:T0TEST:U1", "slack:T0TEST:U2", "slack:T0TEST:U3")
                .containsEntry("slack:T0TEST:U1", 1704100000000L).containsEntry("slack:T0TEST:U2", 1704100060000L);
        importSlack(bot, SlackFixture.write(tmp.resolve("export")), ImportListener.SILENT, HistoryImport.BATCH,
                Set.of("kafka"), Optional.of("kafka"));
        assertThat(db(bot).count("SELECT COUNT(*) FROM memberships WHERE community = 'kafka'")).isEqualTo(3);
    }

    @Test
    void aMissingExportOrWorkspaceIsExplained() throws Exception {
        assertThatThrownBy(() -> SlackExportReader.open(tmp.resolve("nope.zip"), Optional.empty(), Set.of(), problems::add))
                .isInstanceOf(ImportException.class).hasMessageContaining("does not exist");
        Path export = SlackFixture.write(tmp.resolve("export"));
        Files.delete(export.resolve("users.json"));
        assertThatThrownBy(() -> SlackExportReader.open(export, Optional.empty(), Set.of(), problems::add))
                .isInstanceOf(ImportException.class).hasMessageContaining("--workspace");
        try (SlackExportReader reader = SlackExportReader.open(export, Optional.of("T0TEST"), Set.of(), problems::add)) {
            assertThat(reader.source()).isEqualTo("slack:T0TEST");
        }
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("users.json is missing"));
    }
}
