package dev.copbot.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DiscordChatExporter JSON, written from its published format (guild, channel with type and categoryId, messages
 * with type, timestamp, timestampEdited, content, author, attachments, reactions with users, mentions, reference).
 */
class DiscordImportTest {
    static final String GUILD = "900000000000000001";

    @TempDir
    Path tmp;
    Database db;
    BotDriver bot;
    final List<String> problems = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(tmp.resolve("store"));
        bot = new BotDriver(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static String author(String id, String name, String nickname) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"discriminator\": \"0000\", \"nickname\": \"" + nickname
                + "\", \"isBot\": false}";
    }

    static String message(String id, String type, String at, String author, String content, String extra) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"timestamp\": \"" + at + "\", \"timestampEdited\": null,"
                + " \"isPinned\": false, \"content\": \"" + content + "\", \"author\": " + author
                + ", \"attachments\": [], \"embeds\": [], \"reactions\": [], \"mentions\": []" + extra + "}";
    }

    static String export(String channelId, String type, String parentId, String name, String guild, String... messages) {
        return "{\"guild\": {\"id\": \"" + guild + "\", \"name\": \"Streams\"}, \"channel\": {\"id\": \"" + channelId
                + "\", \"type\": \"" + type + "\", \"categoryId\": \"" + parentId + "\", \"category\": \"Help\", \"name\": \""
                + name + "\", \"topic\": null}, \"dateRange\": {\"after\": null, \"before\": null}, \"messages\": ["
                + String.join(",", messages) + "], \"messageCount\": " + messages.length + "}";
    }

    Path write() throws Exception {
        String ann = author("111", "ann", "Ann"), ben = author("222", "ben", "Ben B"), cat = author("333", "cat", "");
        SlackFixture.file(tmp, "dce/help.json", export("500", "GuildTextChat", "400", "help", GUILD,
                message("1001", "Default", "2024-03-01T10:00:00.000+00:00", ann, "Kafka consumer lag after rebalance?", ""),
                message("1002", "Reply", "2024-03-01T10:05:00.000+00:00", ben, "Check max.poll.interval.ms",
                        ", \"reference\": {\"messageId\": \"1001\", \"channelId\": \"500\", \"guildId\": \"" + GUILD + "\"}"
                        + ", \"reactions\": [{\"emoji\": {\"id\": \"\", \"name\": \"\u2705\", \"isAnimated\": false},"
                        + " \"count\": 1, \"users\": [" + ann + "]}]"),
                message("1003", "Reply", "2024-03-01T10:06:00.000+00:00", cat, "and the session timeout too",
                        ", \"reference\": {\"messageId\": \"1002\", \"channelId\": \"500\", \"guildId\": \"" + GUILD + "\"}"),
                message("1004", "ChannelPinnedMessage", "2024-03-01T10:07:00.000+00:00", ann, "", ""),
                message("1005", "Default", "2024-03-01T11:00:00.000+00:00", ben, "Flink checkpoint storage on S3",
                        "").replace("\"timestampEdited\": null", "\"timestampEdited\": \"2024-03-02T09:00:00.000+00:00\""),
                message("1006", "Default", "2024-03-01T12:00:00.000+00:00", cat, "",
                        ", \"attachments\": [{\"id\": \"9\", \"url\": \"x\", \"fileName\": \"broker-metrics.csv\", \"fileSizeBytes\": 10}]"),
                message("1007", "Whatever", "2024-03-01T12:30:00.000+00:00", cat, "new kind", "")));
        // A public thread started from message 1005 (the thread has the message's id) and a private thread.
        SlackFixture.file(tmp, "dce/thread.json", export("1005", "GuildPublicThread", "500", "Flink checkpoint", GUILD,
                message("2001", "Default", "2024-03-01T11:10:00.000+00:00", ann, "we use the rocksdb backend", "")));
        SlackFixture.file(tmp, "dce/private.json", export("3000", "GuildPrivateThread", "500", "incident", GUILD,
                message("3001", "Default", "2024-03-02T08:00:00.000+00:00", ben, "incident review of the outage", ""),
                message("3002", "Default", "2024-03-02T08:01:00.000+00:00", ann, "timeline attached", "")));
        SlackFixture.file(tmp, "dce/dm.json", export("4000", "DirectTextChat", "0", "ben", "0",
                message("4001", "Default", "2024-03-03T08:00:00.000+00:00", ann, "can you review my schema registry change", "")));
        SlackFixture.file(tmp, "dce/broken.json", "{\"guild\": {\"id\": \"1\"}, \"channel\": {\"id\": \"7\"}, \"messages\": [{\"id\": ");
        return tmp.resolve("dce");
    }

    ImportSummary importDiscord(Path dir) {
        HistoryImport importer = new HistoryImport(bot.bot().discussions(), new UserDirectory(db), new CommunityStore(db),
                BotDriver.CLOCK);
        try (DiscordExportReader reader = DiscordExportReader.open(List.of(dir), problems::add)) {
            return importer.run(reader, Optional.empty(), new ImportListener() {
                @Override
                public void planned(int files, long entries) {}

                @Override
                public void progressed(int filesDone, long entriesDone, long messagesImported) {}

                @Override
                public void problem(String line) {
                    problems.add(line);
                }
            });
        }
    }

    Reply search(String scope, String user, String query) {
        return bot.as(new Actor(new UserId(Platform.DISCORD, scope, user), user, Optional.empty(),
                false), "search " + query);
    }

    @Test
    void repliesAndThreadChannelsBecomeThreadsWithReactionsEditsAndAccess() throws Exception {
        ImportSummary s = importDiscord(write());

        // Roots: 1001, 1005 (the public thread hangs off it), 1006, the DM. Replies: 1002, 1003, 2001, and both
        // messages of the private thread, which is rooted at the thread's own id (as the Discord adapter roots it).
        assertThat(s.threads()).isEqualTo(4);
        assertThat(s.replies()).isEqualTo(5);
        assertThat(s.reactions()).isEqualTo(1);
        assertThat(s.filesFailed()).isEqualTo(1);
        assertThat(s.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "system message (pins, joins, calls, renames, thread notices…)", 1L, "unknown message type 'Whatever'", 1L));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("broken.json"))
                .anySatisfy(p -> assertThat(p).contains("help.json", "Whatever"));

        assertThat(new UserDirectory(db).knownName(new UserId(Platform.DISCORD, GUILD, "222")))
                .contains("Ben B");
        var store = bot.bot().discussions().store();
        ChannelId help = new ChannelId(Platform.DISCORD, GUILD, "500");
        // A reply to a reply joins the first message's thread.
        assertThat(store.threadOf(new MessageId(help, "1003")).orElseThrow().root()).isEqualTo("1001");
        // The public thread's messages hang off the message it was started from, in the parent channel.
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE message_id = '2001' AND thread_root = '1005'")).isEqualTo(1);
        // The private thread is rooted at its first message; the DM lives in the @me scope.
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE message_id = '3002' AND thread_root = '3000'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE channel_id = 'discord:@me:4000'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE message_id = '1005' AND edited_at IS NOT NULL")).isEqualTo(1);

        assertThat(search(GUILD, "333", "max.poll.interval.ms is:solved").data().get("total")).isEqualTo(1L);
        assertThat(search(GUILD, "333", "broker-metrics").data().get("total")).isEqualTo(1L);
        assertThat(search(GUILD, "222", "incident review").data().get("total")).isEqualTo(1L);
        assertThat(search(GUILD, "333", "incident review").data().get("total")).isEqualTo(0L);
        // DiscordChatExporter names a DM's participants only through their messages: who wrote may read it.
        assertThat(search("@me", "111", "schema registry").data().get("total")).isEqualTo(1L);
        assertThat(search("@me", "333", "schema registry").data().get("total")).isEqualTo(0L);

        ImportSummary again = importDiscord(tmp.resolve("dce"));
        assertThat(again.messages()).isZero();
        assertThat(again.filesUnchanged()).isEqualTo(4);
    }
}
