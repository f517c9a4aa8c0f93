package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What happened in a set of channels over a time range, read from the store with one query per figure: the threads
 * started (with their first answer and whether the asker accepted one), who took part, accepted answers per person.
 * Community health, digests, welcomes, the leaderboard and the audit all count the same way through here.
 *
 * <p>A thread is <em>answered</em> when someone other than its asker replied; <em>solved</em> when the asker put a
 * ✅ on a reply by someone else, or on the root (the same reading as search's solved mark).
 */
public final class Activity {
    /** One thread as the figures see it. {@code reactions} counts every reaction on its messages. */
    public record ThreadSummary(ThreadKey key, UserId asker, String rootText, Instant postedAt, int replies,
                                Optional<Instant> firstAnswerAt, boolean solved, int reactions) {
        public boolean answered() {
            return firstAnswerAt.isPresent();
        }

        public String title() {
            return Markup.title(Markup.plain(rootText), ThreadDocument.TITLE_LENGTH);
        }

        public MessageId root() {
            return new MessageId(key.channel(), key.root());
        }
    }

    private static final String ACCEPTED = String.join(", ",
            ThreadDocument.ACCEPT.stream().map(e -> "'" + e.replace("'", "''") + "'").sorted().toList());

    /** The columns of a thread summary, for a root message aliased {@code r}. */
    private static final String SUMMARY = """
            SELECT r.channel_id, r.message_id, r.author, r.text, r.posted_at,
              (SELECT COUNT(*) FROM messages m WHERE m.channel_id = r.channel_id AND m.thread_root = r.message_id
                 AND m.message_id <> r.message_id) AS replies,
              (SELECT MIN(m.posted_at) FROM messages m WHERE m.channel_id = r.channel_id
                 AND m.thread_root = r.message_id AND m.message_id <> r.message_id AND m.author <> r.author) AS first_answer,
              (SELECT COUNT(*) FROM messages m JOIN reactions x ON x.channel_id = m.channel_id AND x.message_id = m.message_id
                 WHERE m.channel_id = r.channel_id AND m.thread_root = r.message_id AND x.user_id = r.author
                 AND x.emoji IN (%1$s) AND (m.author <> r.author OR m.message_id = r.message_id)) AS accepts,
              (SELECT COUNT(*) FROM messages m JOIN reactions x ON x.channel_id = m.channel_id AND x.message_id = m.message_id
                 WHERE m.channel_id = r.channel_id AND m.thread_root = r.message_id) AS reaction_count
            FROM messages r""".formatted(ACCEPTED);

    private final Database db;

    public Activity(Database db) {
        this.db = db;
    }

    /** Threads started in the channels in {@code [from, to)}, oldest first. */
    public List<ThreadSummary> threadsStarted(Collection<ChannelId> channels, Instant from, Instant to) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return db.query(SUMMARY + " WHERE r.message_id = r.thread_root AND r.channel_id IN (" + marks(channels)
                        + ") AND r.posted_at >= ? AND r.posted_at < ? ORDER BY r.posted_at, r.message_id",
                Activity::summary, params(channels, from.toEpochMilli(), to.toEpochMilli()));
    }

    /** Threads whose asker accepted an answer in {@code [from, to)} (whenever they started), newest acceptance first. */
    public List<ThreadSummary> solvedBetween(Collection<ChannelId> channels, Instant from, Instant to) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return db.query(SUMMARY + " " + """
                 JOIN (SELECT m.channel_id AS c, m.thread_root AS t, MAX(x.reacted_at) AS solved_at
                       FROM messages m JOIN reactions x ON x.channel_id = m.channel_id AND x.message_id = m.message_id
                       JOIN messages q ON q.channel_id = m.channel_id AND q.message_id = m.thread_root
                       WHERE x.user_id = q.author AND x.emoji IN (%s) AND (m.author <> q.author OR m.message_id = q.message_id)
                       GROUP BY m.channel_id, m.thread_root) s ON s.c = r.channel_id AND s.t = r.message_id
                 WHERE r.message_id = r.thread_root AND r.channel_id IN (%s) AND s.solved_at >= ? AND s.solved_at < ?
                 ORDER BY s.solved_at DESC, r.message_id""".formatted(ACCEPTED, marks(channels)),
                Activity::summary, params(channels, from.toEpochMilli(), to.toEpochMilli()));
    }

    /** The solved threads with the most replies and reactions: what a newcomer should read first. */
    public List<ThreadSummary> mostUseful(Collection<ChannelId> channels, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<ThreadSummary> solved = new ArrayList<>(solvedBetween(channels, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE)));
        solved.sort(Comparator.comparingInt((ThreadSummary t) -> -(t.replies() + t.reactions()))
                .thenComparing(ThreadSummary::postedAt, Comparator.reverseOrder()));
        return List.copyOf(solved.subList(0, Math.min(limit, solved.size())));
    }

    /** Everyone who posted or reacted in the channels in {@code [from, to)}. */
    public Set<UserId> participants(Collection<ChannelId> channels, Instant from, Instant to) {
        if (channels.isEmpty()) {
            return Set.of();
        }
        String in = marks(channels);
        List<Object> p = new ArrayList<>(List.of(params(channels, from.toEpochMilli(), to.toEpochMilli())));
        p.addAll(List.of(params(channels, from.toEpochMilli(), to.toEpochMilli())));
        return new LinkedHashSet<>(db.query("SELECT author FROM messages WHERE channel_id IN (" + in
                + ") AND posted_at >= ? AND posted_at < ? UNION SELECT user_id FROM reactions WHERE channel_id IN (" + in
                + ") AND reacted_at >= ? AND reacted_at < ?", rs -> UserId.parse(rs.getString(1)), p.toArray()));
    }

    /**
     * How many people posted or reacted in each of {@code count} windows of {@code step} from {@code from} on: one
     * query for a whole chart rather than one per bar.
     */
    public int[] participantsPer(Collection<ChannelId> channels, Instant from, Duration step, int count) {
        int[] out = new int[count];
        if (channels.isEmpty()) {
            return out;
        }
        String in = marks(channels);
        long start = from.toEpochMilli();
        long width = step.toMillis();
        long end = start + width * count;
        List<Object> p = new ArrayList<>(List.of(start, width));
        p.addAll(List.of(params(channels, start, end)));
        p.addAll(List.of(start, width));
        p.addAll(List.of(params(channels, start, end)));
        db.query("SELECT w, COUNT(*) FROM (SELECT author AS u, (posted_at - ?) / ? AS w FROM messages WHERE channel_id IN ("
                + in + ") AND posted_at >= ? AND posted_at < ? UNION SELECT user_id AS u, (reacted_at - ?) / ? AS w "
                + "FROM reactions WHERE channel_id IN (" + in + ") AND reacted_at >= ? AND reacted_at < ?) x GROUP BY w",
                rs -> {
                    int w = rs.getInt(1);
                    if (w >= 0 && w < count) {
                        out[w] = rs.getInt(2);
                    }
                    return null;
                }, p.toArray());
        return out;
    }

    /** The last message or reaction in the channels, if any. */
    public Optional<Instant> lastActivity(Collection<ChannelId> channels) {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        String in = marks(channels);
        List<Object> p = new ArrayList<>(channels.stream().map(ChannelId::toString).toList());
        p.addAll(channels.stream().map(ChannelId::toString).toList());
        long last = db.count("SELECT COALESCE(MAX(at), -1) FROM (SELECT MAX(posted_at) AS at FROM messages WHERE channel_id IN ("
                + in + ") UNION ALL SELECT MAX(reacted_at) AS at FROM reactions WHERE channel_id IN (" + in + ")) a", p.toArray());
        return last < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
    }

    /** Messages plus reactions in the channels in {@code [from, to)}: how busy they were. */
    public long actions(Collection<ChannelId> channels, Instant from, Instant to) {
        if (channels.isEmpty()) {
            return 0;
        }
        String in = marks(channels);
        Object[] p = params(channels, from.toEpochMilli(), to.toEpochMilli());
        return db.count("SELECT COUNT(*) FROM messages WHERE channel_id IN (" + in + ") AND posted_at >= ? AND posted_at < ?", p)
                + db.count("SELECT COUNT(*) FROM reactions WHERE channel_id IN (" + in + ") AND reacted_at >= ? AND reacted_at < ?", p);
    }

    /** Per person, their answers posted in {@code [from, to)} that the thread's asker accepted. */
    public Map<UserId, Integer> acceptedAnswers(Collection<ChannelId> channels, Instant from, Instant to) {
        if (channels.isEmpty()) {
            return Map.of();
        }
        Map<UserId, Integer> out = new HashMap<>();
        db.query("""
                SELECT m.author, COUNT(DISTINCT m.message_id) FROM messages m
                JOIN messages q ON q.channel_id = m.channel_id AND q.message_id = m.thread_root
                JOIN reactions x ON x.channel_id = m.channel_id AND x.message_id = m.message_id
                WHERE m.message_id <> m.thread_root AND m.author <> q.author AND x.user_id = q.author AND x.emoji IN (%s)
                  AND m.channel_id IN (%s) AND m.posted_at >= ? AND m.posted_at < ?
                GROUP BY m.author""".formatted(ACCEPTED, marks(channels)), rs -> {
            out.put(UserId.parse(rs.getString(1)), rs.getInt(2));
            return null;
        }, params(channels, from.toEpochMilli(), to.toEpochMilli()));
        return out;
    }

    /**
     * Per channel of a workspace ({@code idPrefix}), per person: threads they answered that the asker accepted, and
     * threads they answered at all (a reply to someone else's thread; one per thread, as the expert evidence counts).
     */
    public Map<ChannelId, Map<UserId, int[]>> answerRecords(String idPrefix) {
        Map<ChannelId, Map<UserId, int[]>> out = new HashMap<>();
        db.query("""
                SELECT m.channel_id, m.author, COUNT(DISTINCT m.thread_root),
                  COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM reactions x WHERE x.channel_id = m.channel_id
                      AND x.message_id = m.message_id AND x.user_id = q.author AND x.emoji IN (%s))
                    THEN m.thread_root END)
                FROM messages m JOIN messages q ON q.channel_id = m.channel_id AND q.message_id = m.thread_root
                WHERE m.message_id <> m.thread_root AND m.author <> q.author AND SUBSTR(m.channel_id, 1, ?) = ?
                GROUP BY m.channel_id, m.author""".formatted(ACCEPTED), rs -> {
            out.computeIfAbsent(ChannelId.parse(rs.getString(1)), c -> new HashMap<>())
                    .put(UserId.parse(rs.getString(2)), new int[] {rs.getInt(4), rs.getInt(3)});
            return null;
        }, idPrefix.length(), idPrefix);
        return out;
    }

    private static ThreadSummary summary(ResultSet rs) throws SQLException {
        ChannelId channel = ChannelId.parse(rs.getString(1));
        long first = rs.getLong("first_answer");
        Optional<Instant> firstAnswer = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(first));
        return new ThreadSummary(new ThreadKey(channel, rs.getString(2)), UserId.parse(rs.getString(3)), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getInt("replies"), firstAnswer, rs.getInt("accepts") > 0,
                rs.getInt("reaction_count"));
    }

    private static String marks(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    private static Object[] params(Collection<ChannelId> channels, Object... more) {
        List<Object> out = new ArrayList<>(channels.stream().map(ChannelId::toString).toList());
        out.addAll(List.of(more));
        return out.toArray();
    }
}
