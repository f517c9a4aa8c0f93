package dev.copbot.core.event;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Events, their overrides, RSVPs, announcements and sent notices in the store. Callers group writes in a transaction. */
public final class EventStore {
    /** A cancelled or moved occurrence, keyed by its original start. */
    public record Override(Instant originalStart, Optional<Instant> newStart, boolean cancelled) {}

    private static final String COLUMNS = "id, community, title, description, location, zone, start_local, "
            + "duration_minutes, rrule, sequence, created_by, cancelled_at";

    private final Database db;

    public EventStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** The next event id; call inside the transaction that inserts the event. */
    public long nextId() {
        db.update("UPDATE id_sequences SET next_value = next_value + 1 WHERE name = 'event'");
        return db.count("SELECT next_value FROM id_sequences WHERE name = 'event'") - 1;
    }

    public void insert(Event e, Instant at) {
        db.update("INSERT INTO events (" + COLUMNS + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.community(), e.title(), e.description().orElse(null), e.location().orElse(null),
                e.zone().getId(), e.start().toString(), e.duration().toMinutes(), e.rrule().orElse(null), e.sequence(),
                e.createdBy(), null, at.toEpochMilli(), at.toEpochMilli());
    }

    /** Writes every editable field and bumps the SEQUENCE. */
    public void update(Event e, Instant at) {
        db.update("""
                UPDATE events SET title = ?, description = ?, location = ?, zone = ?, start_local = ?, duration_minutes = ?,
                    rrule = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?""",
                e.title(), e.description().orElse(null), e.location().orElse(null), e.zone().getId(),
                e.start().toString(), e.duration().toMinutes(), e.rrule().orElse(null), at.toEpochMilli(), e.id());
    }

    public void bumpSequence(long id, Instant at) {
        db.update("UPDATE events SET sequence = sequence + 1, updated_at = ? WHERE id = ?", at.toEpochMilli(), id);
    }

    public void cancel(long id, Instant at) {
        db.update("UPDATE events SET cancelled_at = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?",
                at.toEpochMilli(), at.toEpochMilli(), id);
    }

    public Optional<Event> find(long id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM events WHERE id = ?", EventStore::event, id);
    }

    /** Live events, of one community or of all. */
    public List<Event> live(Optional<String> community) {
        return community.map(c -> db.query("SELECT " + COLUMNS + " FROM events WHERE cancelled_at IS NULL AND community = ? "
                        + "ORDER BY id", EventStore::event, c))
                .orElseGet(() -> db.query("SELECT " + COLUMNS + " FROM events WHERE cancelled_at IS NULL ORDER BY id",
                        EventStore::event));
    }

    /** Every event of a community, cancelled ones too (the calendar feed shows them as CANCELLED). */
    public List<Event> all(String community) {
        return db.query("SELECT " + COLUMNS + " FROM events WHERE community = ? ORDER BY id", EventStore::event, community);
    }

    public Map<Instant, Override> overrides(long id) {
        Map<Instant, Override> out = new LinkedHashMap<>();
        db.query("SELECT original_start, new_start, cancelled FROM event_overrides WHERE event_id = ? ORDER BY original_start",
                rs -> {
                    long moved = rs.getLong(2);
                    Optional<Instant> newStart = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(moved));
                    return new Override(Instant.ofEpochMilli(rs.getLong(1)), newStart, rs.getInt(3) == 1);
                }, id).forEach(o -> out.put(o.originalStart(), o));
        return out;
    }

    public void putOverride(long id, Override o) {
        db.update("""
                INSERT INTO event_overrides (event_id, original_start, new_start, cancelled) VALUES (?, ?, ?, ?)
                ON CONFLICT (event_id, original_start) DO UPDATE SET new_start = excluded.new_start,
                    cancelled = excluded.cancelled""",
                id, o.originalStart().toEpochMilli(), o.newStart().map(Instant::toEpochMilli).orElse(null),
                o.cancelled() ? 1 : 0);
    }

    /** Records an answer; returns the previous one, if any. */
    public Optional<Answer> rsvp(long id, Instant occurrence, UserId user, Answer answer, Instant at) {
        Optional<Answer> before = answerOf(id, occurrence, user);
        db.update("""
                INSERT INTO event_rsvps (event_id, occurrence, user_id, answer, answered_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id, occurrence, user_id) DO UPDATE SET answer = excluded.answer,
                    answered_at = excluded.answered_at""",
                id, occurrence.toEpochMilli(), user.toString(), answer.name(), at.toEpochMilli());
        return before;
    }

    public Optional<Answer> answerOf(long id, Instant occurrence, UserId user) {
        return db.queryOne("SELECT answer FROM event_rsvps WHERE event_id = ? AND occurrence = ? AND user_id = ?",
                rs -> Answer.valueOf(rs.getString(1)), id, occurrence.toEpochMilli(), user.toString());
    }

    /** Who answered what, in the order they answered. */
    public Map<Answer, List<UserId>> answers(long id, Instant occurrence) {
        Map<Answer, List<UserId>> out = new EnumMap<>(Answer.class);
        for (Answer a : Answer.values()) {
            out.put(a, db.query("SELECT user_id FROM event_rsvps WHERE event_id = ? AND occurrence = ? AND answer = ? "
                    + "ORDER BY answered_at, user_id", rs -> UserId.parse(rs.getString(1)), id, occurrence.toEpochMilli(), a.name()));
        }
        return out;
    }

    public void addAnnouncement(long id, Instant occurrence, MessageId message, Instant at) {
        db.update("""
                INSERT INTO event_announcements (event_id, occurrence, channel_id, message_id, posted_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id, occurrence, channel_id) DO UPDATE SET message_id = excluded.message_id""",
                id, occurrence.toEpochMilli(), message.channel().toString(), message.id(), at.toEpochMilli());
    }

    public List<MessageId> announcements(long id, Instant occurrence) {
        return db.query("SELECT channel_id, message_id FROM event_announcements WHERE event_id = ? AND occurrence = ? "
                        + "ORDER BY channel_id", rs -> new MessageId(ChannelId.parse(rs.getString(1)), rs.getString(2)),
                id, occurrence.toEpochMilli());
    }

    /** Occurrence keys that have an announcement, RSVPs or sent notices: what an edit must carry over. */
    public List<Instant> occurrencesWithState(long id) {
        return db.query("""
                SELECT occurrence FROM event_rsvps WHERE event_id = ? UNION SELECT occurrence FROM event_announcements
                WHERE event_id = ? UNION SELECT occurrence FROM event_notices WHERE event_id = ?
                UNION SELECT original_start FROM event_overrides WHERE event_id = ?""",
                rs -> Instant.ofEpochMilli(rs.getLong(1)), id, id, id, id).stream().sorted().toList();
    }

    /** Re-keys an occurrence after the series moved (its answers, announcements and sent notices follow it). */
    public void rekey(long id, Instant from, Instant to) {
        for (String table : List.of("event_rsvps", "event_announcements", "event_notices")) {
            db.update("UPDATE " + table + " SET occurrence = ? WHERE event_id = ? AND occurrence = ?",
                    to.toEpochMilli(), id, from.toEpochMilli());
        }
        db.update("UPDATE event_overrides SET original_start = ? WHERE event_id = ? AND original_start = ?",
                to.toEpochMilli(), id, from.toEpochMilli());
    }

    public void dropOccurrenceState(long id, Instant occurrence) {
        for (String table : List.of("event_rsvps", "event_announcements", "event_notices")) {
            db.update("DELETE FROM " + table + " WHERE event_id = ? AND occurrence = ?", id, occurrence.toEpochMilli());
        }
        db.update("DELETE FROM event_overrides WHERE event_id = ? AND original_start = ?", id, occurrence.toEpochMilli());
    }

    /** Claims a notice before it is sent: true for the one caller that may send it, ever. */
    public boolean claimNotice(long id, Instant occurrence, String kind, Instant at) {
        return db.update("INSERT INTO event_notices (event_id, occurrence, kind, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id, occurrence.toEpochMilli(), kind, at.toEpochMilli()) == 1;
    }

    public boolean noticeSent(long id, Instant occurrence, String kind) {
        return db.count("SELECT COUNT(*) FROM event_notices WHERE event_id = ? AND occurrence = ? AND kind = ?",
                id, occurrence.toEpochMilli(), kind) > 0;
    }

    public EventSettings settings(String community) {
        return db.queryOne("SELECT reminder_minutes, announce_minutes FROM event_settings WHERE community = ?",
                rs -> new EventSettings(minutes(rs.getString(1)), Duration.ofMinutes(rs.getLong(2))), community)
                .orElse(EventSettings.DEFAULTS);
    }

    public void saveSettings(String community, EventSettings s) {
        String reminders = String.join(",", s.reminders().stream().map(d -> Long.toString(d.toMinutes())).toList());
        db.update("""
                INSERT INTO event_settings (community, reminder_minutes, announce_minutes) VALUES (?, ?, ?)
                ON CONFLICT (community) DO UPDATE SET reminder_minutes = excluded.reminder_minutes,
                    announce_minutes = excluded.announce_minutes""", community, reminders, s.announce().toMinutes());
    }

    /** The zone the platform last reported for a user, if any. */
    public Optional<ZoneId> zoneOf(UserId user) {
        return db.queryOne("SELECT COALESCE(chosen_zone, time_zone) FROM users WHERE id = ? "
                + "AND COALESCE(chosen_zone, time_zone) IS NOT NULL", rs -> rs.getString(1),
                user.toString()).filter(ZoneId.getAvailableZoneIds()::contains).map(ZoneId::of);
    }

    private static List<Duration> minutes(String csv) {
        return csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::strip).map(m -> Duration.ofMinutes(Long.parseLong(m))).toList();
    }

    private static Event event(ResultSet rs) throws SQLException {
        long cancelled = rs.getLong("cancelled_at");
        Optional<Instant> cancelledAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(cancelled));
        return new Event(rs.getLong("id"), rs.getString("community"), rs.getString("title"),
                Optional.ofNullable(rs.getString("description")), Optional.ofNullable(rs.getString("location")),
                ZoneId.of(rs.getString("zone")), LocalDateTime.parse(rs.getString("start_local")),
                Duration.ofMinutes(rs.getLong("duration_minutes")), Optional.ofNullable(rs.getString("rrule")),
                rs.getLong("sequence"), rs.getString("created_by"), cancelledAt);
    }
}
