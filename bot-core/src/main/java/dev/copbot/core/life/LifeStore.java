package dev.copbot.core.life;

import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The store behind community life: welcome texts, charter reviews, digest schedules and subscribers, sent notices. */
final class LifeStore {
    /** When a community's weekly digest goes out, in its own zone. */
    record DigestSchedule(DayOfWeek day, LocalTime time, ZoneId zone, boolean enabled) {
        static DigestSchedule defaults() {
            return new DigestSchedule(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("UTC"), true);
        }
    }

    private final Database db;

    LifeStore(Database db) {
        this.db = db;
    }

    Database database() {
        return db;
    }

    Optional<String> welcome(String community) {
        return db.query("SELECT welcome FROM communities WHERE name = ?", rs -> rs.getString(1), community).stream()
                .filter(w -> w != null && !w.isBlank()).findFirst();
    }

    void setWelcome(String community, Optional<String> text) {
        db.update("UPDATE communities SET welcome = ? WHERE name = ?", text.orElse(null), community);
    }

    /** When the charter was last set or confirmed, else when the community was created. */
    Instant charterReviewed(String community) {
        return db.queryOne("SELECT COALESCE(charter_reviewed_at, created_at) FROM communities WHERE name = ?",
                rs -> Instant.ofEpochMilli(rs.getLong(1)), community).orElseThrow();
    }

    void charterReviewed(String community, Instant at) {
        db.update("UPDATE communities SET charter_reviewed_at = ? WHERE name = ?", at.toEpochMilli(), community);
    }

    DigestSchedule schedule(String community) {
        return db.queryOne("SELECT day_of_week, local_time, zone, enabled FROM digest_settings WHERE community = ?",
                rs -> new DigestSchedule(DayOfWeek.valueOf(rs.getString(1)), LocalTime.parse(rs.getString(2)),
                        ZoneId.of(rs.getString(3)), rs.getInt(4) == 1), community).orElse(DigestSchedule.defaults());
    }

    void saveSchedule(String community, DigestSchedule s) {
        db.update("""
                INSERT INTO digest_settings (community, day_of_week, local_time, zone, enabled) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (community) DO UPDATE SET day_of_week = excluded.day_of_week,
                    local_time = excluded.local_time, zone = excluded.zone, enabled = excluded.enabled""",
                community, s.day().name(), s.time().toString(), s.zone().getId(), s.enabled() ? 1 : 0);
    }

    /** True when the member was not subscribed before. */
    boolean subscribe(String community, UserId user, Instant at) {
        return db.update("INSERT INTO digest_subscribers (community, user_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                community, user.toString(), at.toEpochMilli()) == 1;
    }

    boolean unsubscribe(String community, UserId user) {
        return db.update("DELETE FROM digest_subscribers WHERE community = ? AND user_id = ?", community, user.toString()) == 1;
    }

    List<UserId> subscribers(String community) {
        return db.query("SELECT user_id FROM digest_subscribers WHERE community = ? ORDER BY since, user_id",
                rs -> UserId.parse(rs.getString(1)), community);
    }

    /** Claims a notice before it is sent: true only for the first caller, whatever restarts or replicas do. */
    boolean claim(String community, String kind, String period, Instant at) {
        return db.update("INSERT INTO community_notices (community, kind, period, sent_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", community, kind, period, at.toEpochMilli()) == 1;
    }

    /** Whether the notice went out already: read first, so the five-minute job writes only when something is due. */
    boolean claimed(String community, String kind, String period) {
        return db.count("SELECT COUNT(*) FROM community_notices WHERE community = ? AND kind = ? AND period = ?",
                community, kind, period) > 0;
    }
}
