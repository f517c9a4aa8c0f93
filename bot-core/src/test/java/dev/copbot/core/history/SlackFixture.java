package dev.copbot.core.history;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small Slack workspace export written from Slack's published export format (users.json, channels.json,
 * groups.json, dms.json, one file per channel and day). The texts are made up for the tests.
 */
final class SlackFixture {
    static final String TEAM = "T0TEST";
    static final String ROOT_TS = "1704100000.000100";

    private SlackFixture() {}

    static Path write(Path dir) throws IOException {
        file(dir, "users.json", """
                [{"id": "U1", "team_id": "T0TEST", "name": "alice", "real_name": "Alice A", "profile": {"display_name": "Alice"}},
                 {"id": "U2", "team_id": "T0TEST", "name": "bob", "profile": {"display_name": "", "real_name": "Bob Builder"}},
                 {"id": "U3", "team_id": "T0TEST", "name": "carol", "profile": {}},
                 {"id": "B1", "team_id": "T0TEST", "name": "deploybot", "is_bot": true}]""");
        file(dir, "channels.json", """
                [{"id": "C1", "name": "kafka", "created": 1704000000, "members": ["U1", "U2", "U3"],
                  "topic": {"value": "Streams"}, "purpose": {"value": ""}}]""");
        file(dir, "groups.json", """
                [{"id": "G1", "name": "leads", "created": 1704000000, "members": ["U1"]}]""");
        file(dir, "dms.json", """
                [{"id": "D1", "created": 1704000000, "members": ["U1", "U2"]}]""");
        file(dir, "kafka/2024-01-01.json", """
                [
                 {"type": "message", "subtype": "channel_join", "user": "U3", "text": "<@U3> has joined the channel", "ts": "1704099000.000001"},
                 {"type": "message", "user": "U1", "text": "*Consumer lag keeps growing*\\nOur consumer falls behind after a rebalance.",
                  "ts": "1704100000.000100", "thread_ts": "1704100000.000100", "reply_count": 2},
                 {"type": "message", "user": "U2", "text": "Raise max.poll.records and check the handler", "ts": "1704100060.000200",
                  "thread_ts": "1704100000.000100", "parent_user_id": "U1", "edited": {"user": "U2", "ts": "1704100100.000000"},
                  "reactions": [{"name": "white_check_mark", "users": ["U1"], "count": 1}, {"name": "+1", "users": ["U3", "U1"], "count": 2}]},
                 {"type": "message", "subtype": "bot_message", "bot_id": "B9", "username": "deploybot", "text": "",
                  "ts": "1704100200.000300", "attachments": [{"fallback": "Deploy finished", "title": "Deploy finished",
                  "text": "kafka-connect 2.1 rolled out"}]},
                 {"type": "message", "user": "U3", "text": "", "ts": "1704100300.000400",
                  "files": [{"id": "F1", "name": "lag.png", "title": "Partition lag graph", "mimetype": "image/png"}], "upload": true},
                 {"type": "message", "subtype": "channel_topic", "user": "U1", "text": "set the channel topic: Streams", "ts": "1704100400.000500"},
                 {"type": "message", "subtype": "frobnicate", "user": "U1", "text": "something new", "ts": "1704100500.000600"},
                 {"type": "message", "user": "U9", "text": "zookeeper is gone for good", "ts": "1704100600.000700",
                  "user_profile": {"display_name": "Zed", "real_name": "Zed Z"}}
                ]""");
        file(dir, "kafka/2024-01-02.json", """
                [
                 {"type": "message", "user": "U3", "text": "thanks, flink has the same lag", "ts": "1704190000.000100",
                  "thread_ts": "1704100000.000100", "parent_user_id": "U1"},
                 {"type": "message", "subtype": "channel_leave", "user": "U2", "text": "<@U2> has left the channel", "ts": "1704190100.000200"}
                ]""");
        file(dir, "kafka/2024-01-03.json", "[{\"type\": \"message\", \"user\": \"U1\", \"text\": \"cut sh");
        file(dir, "leads/2024-01-01.json", """
                [
                 {"type": "message", "subtype": "group_join", "user": "U2", "text": "<@U2> has joined", "ts": "1704100000.000001"},
                 {"type": "message", "user": "U1", "text": "*Lag budget for Q3*\\nkeep consumer lag under a minute", "ts": "1704100001.000002"},
                 {"type": "message", "subtype": "group_leave", "user": "U2", "text": "<@U2> has left", "ts": "1704100002.000003"}
                ]""");
        file(dir, "D1/2024-01-01.json", """
                [{"type": "message", "user": "U2", "text": "secret rotation for the consumer keys", "ts": "1704100000.000009"}]""");
        return dir;
    }

    /** The same export a week later: an edit on the reply, one more reply, a new day, the bad file fixed. */
    static Path writeNewer(Path dir) throws IOException {
        write(dir);
        String day1 = Files.readString(dir.resolve("kafka/2024-01-01.json"))
                .replace("Raise max.poll.records and check the handler", "Raise max.poll.records and check the consumer group id")
                .replace("\"ts\": \"1704100100.000000\"", "\"ts\": \"1704700000.000000\"");
        file(dir, "kafka/2024-01-01.json", day1);
        file(dir, "kafka/2024-01-02.json", """
                [
                 {"type": "message", "user": "U3", "text": "thanks, flink has the same lag", "ts": "1704190000.000100",
                  "thread_ts": "1704100000.000100", "parent_user_id": "U1"},
                 {"type": "message", "subtype": "channel_leave", "user": "U2", "text": "<@U2> has left the channel", "ts": "1704190100.000200"},
                 {"type": "message", "user": "U2", "text": "pinning the partition count fixed it", "ts": "1704190200.000300",
                  "thread_ts": "1704100000.000100", "parent_user_id": "U1"}
                ]""");
        file(dir, "kafka/2024-01-03.json", """
                [{"type": "message", "user": "U1", "text": "*Schema registry outage*\\nall producers fail", "ts": "1704280000.000100"}]""");
        file(dir, "kafka/2024-01-08.json", """
                [{"type": "message", "user": "U2", "text": "*Tiered storage on brokers*\\nanyone tried it?", "ts": "1704700000.000100"}]""");
        return dir;
    }

    static void file(Path dir, String path, String content) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    static Path zip(Path folder, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> all = Files.walk(folder)) {
            // The lists first, then the channel folders, as Slack's archives come.
            for (Path p : all.filter(Files::isRegularFile).sorted(Comparator
                    .comparing((Path f) -> folder.relativize(f).getNameCount()).thenComparing(Path::toString)).toList()) {
                z.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
        return zip;
    }
}
