package dev.copbot.core.expertise;

import dev.copbot.core.discussion.ThreadDocument;
import dev.copbot.core.discussion.ThreadKey;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every reply of a workspace posted by a moment, read with one query: who replied in which thread, when, whether
 * the thread's asker accepted it, and whether it is the asker's own. The prior, the recency and popularity are
 * computed from these, so "now" applies to all three alike.
 */
final class AnswerRecords {
    /** One reply, reduced to what the ranking needs. */
    record Reply(ChannelId channel, String root, UserId author, Instant at, boolean accepted, boolean own) {}

    /** Per person and thread, the strongest counted reply (accepted over plain), at that reply's time. */
    record Answered(UserId person, ChannelId channel, String root, Instant at, boolean accepted) {}

    private static final String ACCEPTED = String.join(", ",
            ThreadDocument.ACCEPT.stream().map(e -> "'" + e.replace("'", "''") + "'").sorted().toList());

    private AnswerRecords() {}

    /** Replies (never roots) of the workspace of {@code idPrefix}, in threads started and replies posted by {@code now}. */
    static List<Reply> read(Database db, String idPrefix, Instant now) {
        long until = now.toEpochMilli();
        return read(db, "SUBSTR(m.channel_id, 1, ?) = ? AND m.posted_at <= ? AND q.posted_at <= ?",
                idPrefix.length(), idPrefix, until, until);
    }

    /** Every reply of one thread, whenever posted. */
    static List<Reply> ofThread(Database db, ThreadKey thread) {
        return read(db, "m.channel_id = ? AND m.thread_root = ?", thread.channel().toString(), thread.root());
    }

    /** Every reply of the workspace, whenever posted, handed over one by one in thread order (none held at once). */
    static void readEachByThread(Database db, String idPrefix, Consumer<Reply> each) {
        read(db, "SUBSTR(m.channel_id, 1, ?) = ? ORDER BY m.channel_id, m.thread_root", r -> {
            each.accept(r);
            return null;
        }, idPrefix.length(), idPrefix);
    }

    private static List<Reply> read(Database db, String where, Object... params) {
        return read(db, where, r -> r, params);
    }

    private static <T> List<T> read(Database db, String where, Function<Reply, T> then, Object... params) {
        // Hundreds of thousands of rows name a few channels and people: parse each id once.
        Map<String, ChannelId> channels = new HashMap<>();
        Map<String, UserId> people = new HashMap<>();
        return db.query("""
                SELECT m.channel_id, m.thread_root, m.author, m.posted_at,
                  CASE WHEN EXISTS (SELECT 1 FROM reactions x WHERE x.channel_id = m.channel_id
                      AND x.message_id = m.message_id AND x.user_id = q.author AND x.emoji IN (%s)) THEN 1 ELSE 0 END,
                  CASE WHEN m.author = q.author THEN 1 ELSE 0 END
                FROM messages m JOIN messages q ON q.channel_id = m.channel_id AND q.message_id = m.thread_root
                WHERE m.message_id <> m.thread_root AND %s""".formatted(ACCEPTED, where),
                rs -> then.apply(new Reply(channels.computeIfAbsent(rs.getString(1), ChannelId::parse), rs.getString(2),
                        people.computeIfAbsent(rs.getString(3), UserId::parse), Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getInt(5) == 1, rs.getInt(6) == 1)), params);
    }

    /**
     * The counted evidence among {@code replies} in channels {@code readable} lets through: no bots, no asker's own reply
     * unless accepted. With {@code yardstick}, the popularity baseline's reading instead (as docs/BENCHMARKS.md has
     * always measured it): none of the asker's replies, bots and deleted accounts kept.
     */
    static List<Answered> strongest(List<Reply> replies, Predicate<ChannelId> readable, boolean yardstick) {
        Map<String, Answered> best = new HashMap<>();
        Map<ChannelId, Boolean> allowed = new HashMap<>();
        for (Reply r : replies) {
            if ((!yardstick && Evidence.isBot(r.author())) || (r.own() && (yardstick || !r.accepted()))
                    || !allowed.computeIfAbsent(r.channel(), readable::test)) {
                continue;
            }
            String key = r.channel() + "\n" + r.root() + "\n" + r.author();
            Answered previous = best.get(key);
            boolean replace = previous == null || (r.accepted() && !previous.accepted())
                    || (r.accepted() == previous.accepted() && r.at().isBefore(previous.at()));
            if (replace) {
                best.put(key, new Answered(r.author(), r.channel(), r.root(), r.at(), r.accepted()));
            }
        }
        return new ArrayList<>(best.values());
    }
}
