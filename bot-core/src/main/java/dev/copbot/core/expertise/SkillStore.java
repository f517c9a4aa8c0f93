package dev.copbot.core.expertise;

import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.time.Instant;
import java.util.List;

/** Self-declared skills, one row per person and skill (normalised to lower case). */
public final class SkillStore {
    private final Database db;

    public SkillStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    public List<String> of(UserId user) {
        return db.query("SELECT skill FROM skills WHERE user_id = ? ORDER BY skill", rs -> rs.getString(1), user.toString());
    }

    /** True when the skill is new for this person. */
    public boolean add(UserId user, String skill, Instant at) {
        return db.update("INSERT INTO skills (user_id, skill, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                user.toString(), skill, at.toEpochMilli()) == 1;
    }

    public record Declared(UserId user, String skill) {}

    /** Every declared skill of the people of one workspace or guild. */
    public List<Declared> inScope(UserId sameScopeAs) {
        String prefix = sameScopeAs.idPrefix();
        return db.query("SELECT user_id, skill FROM skills WHERE SUBSTR(user_id, 1, ?) = ? ORDER BY user_id, skill",
                rs -> new Declared(UserId.parse(rs.getString(1)), rs.getString(2)), prefix.length(), prefix);
    }

    public boolean remove(UserId user, String skill) {
        return db.update("DELETE FROM skills WHERE user_id = ? AND skill = ?", user.toString(), skill) == 1;
    }
}
