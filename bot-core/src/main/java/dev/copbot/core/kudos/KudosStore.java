package dev.copbot.core.kudos;

import dev.copbot.core.discussion.ThreadKey;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Kudos in the store: who thanked whom, for what, in which community and thread. */
public final class KudosStore {
    public enum Via { COMMAND, REACTION }

    public record Kudos(String id, UserId giver, UserId receiver, Optional<String> community, Optional<String> reason,
                        Optional<ThreadKey> thread, Via via, Instant at) {}

    private static final String COLUMNS = "id, giver, receiver, community, reason, channel_id, thread_root, via, given_at";

    private final Database db;

    public KudosStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** How many kudos the giver gave on the UTC day of {@code at}. */
    public long givenOn(UserId giver, Instant at) {
        return db.count("SELECT COUNT(*) FROM kudos WHERE giver = ? AND day = ?", giver.toString(), day(at));
    }

    /**
     * Records a kudos; {@code message} is the reacted-to message for a reaction (a second reaction by the same giver
     * on the same message adds nothing). True when it was recorded.
     */
    public boolean give(UserId giver, UserId receiver, Optional<String> community, Optional<String> reason,
                        Optional<ThreadKey> thread, Optional<MessageId> message, Via via, Instant at) {
        return db.update("INSERT INTO kudos (id, giver, receiver, community, reason, channel_id, thread_root, message_id, "
                        + "via, day, given_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                UUID.randomUUID().toString(), giver.toString(), receiver.toString(), community.orElse(null),
                reason.orElse(null), thread.map(t -> t.channel().toString()).orElse(null),
                thread.map(ThreadKey::root).orElse(null), message.map(MessageId::id).orElse(null), via.name(), day(at),
                at.toEpochMilli()) == 1;
    }

    /** Takes back the kudos a reaction gave; true when there was one. */
    public boolean takeBackReaction(UserId giver, MessageId message) {
        return db.update("DELETE FROM kudos WHERE giver = ? AND channel_id = ? AND message_id = ? AND via = 'REACTION'",
                giver.toString(), message.channel().toString(), message.id()) == 1;
    }

    /** Per receiver, how many kudos they got on the thread. */
    public Map<UserId, Integer> onThread(ThreadKey thread) {
        Map<UserId, Integer> out = new HashMap<>();
        db.query("SELECT receiver, COUNT(*) FROM kudos WHERE channel_id = ? AND thread_root = ? GROUP BY receiver", rs -> {
            out.put(UserId.parse(rs.getString(1)), rs.getInt(2));
            return null;
        }, thread.channel().toString(), thread.root());
        return out;
    }

    /**
     * Kudos given in {@code [from, to)} in a community ({@code community} set) or anywhere, newest first. Kudos about a
     * thread are kept only when {@code readable} lets its channel through.
     */
    public List<Kudos> between(Optional<String> community, Instant from, Instant to,
                               Predicate<ChannelId> readable) {
        String where = community.isPresent() ? "community = ? AND " : "";
        Object[] params = community.isPresent()
                ? new Object[] {community.get(), from.toEpochMilli(), to.toEpochMilli()}
                : new Object[] {from.toEpochMilli(), to.toEpochMilli()};
        return db.query("SELECT " + COLUMNS + " FROM kudos WHERE " + where + "given_at >= ? AND given_at < ? "
                + "ORDER BY given_at DESC, id", KudosStore::kudos, params).stream()
                .filter(k -> k.thread().map(t -> readable.test(t.channel())).orElse(true)).toList();
    }

    /** How many of {@code kudos} each receiver got. */
    public Map<UserId, Integer> received(Collection<Kudos> kudos) {
        Map<UserId, Integer> out = new HashMap<>();
        kudos.forEach(k -> out.merge(k.receiver(), 1, Integer::sum));
        return out;
    }

    static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Kudos kudos(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel_id");
        String root = rs.getString("thread_root");
        Optional<ThreadKey> thread = channel == null || root == null ? Optional.empty()
                : Optional.of(new ThreadKey(ChannelId.parse(channel), root));
        return new Kudos(rs.getString("id"), UserId.parse(rs.getString("giver")), UserId.parse(rs.getString("receiver")),
                Optional.ofNullable(rs.getString("community")), Optional.ofNullable(rs.getString("reason")), thread,
                Via.valueOf(rs.getString("via")), Instant.ofEpochMilli(rs.getLong("given_at")));
    }
}
