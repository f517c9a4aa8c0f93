package dev.copbot.core.expertise;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Questions asked with {@code /cop ask}, and which experts were pinged about them, when. */
final class QuestionStore {
    record Question(String id, UserId asker, String community, String text, Optional<MessageId> posted,
                    boolean escalated) {}

    private final Database db;

    QuestionStore(Database db) {
        this.db = db;
    }

    Database database() {
        return db;
    }

    void create(String id, UserId asker, String community, String text, Instant at) {
        db.update("INSERT INTO questions (id, asker, community, text, asked_at) VALUES (?, ?, ?, ?, ?)",
                id, asker.toString(), community, text, at.toEpochMilli());
    }

    Optional<Question> find(String id) {
        return db.queryOne("SELECT asker, community, text, channel_id, message_id, escalated_at FROM questions WHERE id = ?",
                rs -> {
                    String channel = rs.getString(4);
                    Optional<MessageId> posted = channel == null ? Optional.empty()
                            : Optional.of(new MessageId(ChannelId.parse(channel), rs.getString(5)));
                    rs.getLong(6);
                    boolean escalated = !rs.wasNull();
                    return new Question(id, UserId.parse(rs.getString(1)), rs.getString(2), rs.getString(3), posted, escalated);
                }, id);
    }

    /** True when this call routed it (it was not routed before). */
    boolean markRouted(String id, MessageId posted, Instant at) {
        return db.update("UPDATE questions SET routed_at = ?, channel_id = ?, message_id = ? WHERE id = ? AND routed_at IS NULL",
                at.toEpochMilli(), posted.channel().toString(), posted.id(), id) == 1;
    }

    /** True when this call escalated it: escalation happens once. */
    boolean markEscalated(String id, Instant at) {
        return db.update("UPDATE questions SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL", at.toEpochMilli(), id) == 1;
    }

    void ping(String question, UserId expert, String community, int round, Instant at) {
        db.update("INSERT INTO question_pings (question_id, user_id, community, day, round, sent_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", question, expert.toString(), community, day(at), round, at.toEpochMilli());
    }

    long pingsOn(UserId expert, String community, Instant at) {
        return db.count("SELECT COUNT(*) FROM question_pings WHERE user_id = ? AND community = ? AND day = ?",
                expert.toString(), community, day(at));
    }

    /** How many questions, in any community, the expert was asked about on {@code at}'s day. */
    long pingsOn(UserId expert, Instant at) {
        return db.count("SELECT COUNT(*) FROM question_pings WHERE user_id = ? AND day = ?", expert.toString(), day(at));
    }

    List<UserId> pinged(String question) {
        return db.query("SELECT user_id FROM question_pings WHERE question_id = ? ORDER BY round, sent_at, user_id",
                rs -> UserId.parse(rs.getString(1)), question);
    }

    /** Whether anyone but the asker replied in the question's thread. */
    boolean answered(MessageId posted, UserId asker) {
        return db.count("SELECT COUNT(*) FROM messages WHERE channel_id = ? AND thread_root = ? AND message_id <> ? AND author <> ?",
                posted.channel().toString(), posted.id(), posted.id(), asker.toString()) > 0;
    }

    private static String day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
