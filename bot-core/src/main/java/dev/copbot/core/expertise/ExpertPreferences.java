package dev.copbot.core.expertise;

import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Opt-out and away, per person. Opted-out people are never listed; away people are listed lower, labelled. */
public final class ExpertPreferences {
    private final Database db;

    public ExpertPreferences(Database db) {
        this.db = db;
    }

    public record Preference(boolean optedOut, Optional<Instant> awayUntil, Optional<Instant> snoozedUntil) {
        public boolean awayAt(Instant now) {
            return awayUntil.isPresent() && awayUntil.get().isAfter(now);
        }

        /** Snoozed people are not asked to help with questions (they are still listed). */
        public boolean snoozedAt(Instant now) {
            return snoozedUntil.isPresent() && snoozedUntil.get().isAfter(now);
        }
    }

    public static final Preference NONE = new Preference(false, Optional.empty(), Optional.empty());

    public Preference of(UserId user) {
        return db.queryOne("SELECT opted_out, away_until, snoozed_until FROM expert_preferences WHERE user_id = ?",
                ExpertPreferences::preference, user.toString()).orElse(NONE);
    }

    /** Everyone of a workspace who set a preference, in one query (the ranking reads many people at once). */
    public Map<UserId, Preference> inScope(UserId sameScopeAs) {
        Map<UserId, Preference> out = new HashMap<>();
        String prefix = sameScopeAs.idPrefix();
        db.query("SELECT user_id, opted_out, away_until, snoozed_until FROM expert_preferences WHERE SUBSTR(user_id, 1, ?) = ?",
                rs -> out.put(UserId.parse(rs.getString(1)), new Preference(rs.getInt(2) == 1, instant(rs, 3), instant(rs, 4))),
                prefix.length(), prefix);
        return out;
    }

    private static Preference preference(ResultSet rs) throws SQLException {
        return new Preference(rs.getInt(1) == 1, instant(rs, 2), instant(rs, 3));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        long at = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    public void setSnoozedUntil(UserId user, Optional<Instant> until, Instant at) {
        db.update("""
                INSERT INTO expert_preferences (user_id, snoozed_until, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET snoozed_until = excluded.snoozed_until, updated_at = excluded.updated_at""",
                user.toString(), until.map(Instant::toEpochMilli).orElse(null), at.toEpochMilli());
    }

    public void setOptedOut(UserId user, boolean out, Instant at) {
        db.update("""
                INSERT INTO expert_preferences (user_id, opted_out, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET opted_out = excluded.opted_out, updated_at = excluded.updated_at""",
                user.toString(), out ? 1 : 0, at.toEpochMilli());
    }

    public void setAwayUntil(UserId user, Optional<Instant> until, Instant at) {
        db.update("""
                INSERT INTO expert_preferences (user_id, away_until, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET away_until = excluded.away_until, updated_at = excluded.updated_at""",
                user.toString(), until.map(Instant::toEpochMilli).orElse(null), at.toEpochMilli());
    }
}
