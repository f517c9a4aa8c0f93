package dev.copbot.core.people;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Display names (and zones) of the people the bot has seen, so replies can name them instead of showing ids. */
public final class UserDirectory {
    private final Database db;
    /** What was last written per person, so an unchanged name or zone costs no write on every command. */
    private final Map<UserId, Actor> written = new ConcurrentHashMap<>();

    public UserDirectory(Database db) {
        this.db = db;
    }

    public void seen(Actor actor, Instant at) {
        if (actor.equals(written.get(actor.id()))) {
            return;
        }
        write(actor, at);
        written.put(actor.id(), actor);
    }

    private void write(Actor actor, Instant at) {
        db.update("""
                INSERT INTO users (id, display_name, time_zone, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,
                    time_zone = COALESCE(excluded.time_zone, users.time_zone), updated_at = excluded.updated_at""",
                actor.id().toString(), actor.displayName(), actor.zone().map(Object::toString).orElse(null),
                at.toEpochMilli());
    }

    public String displayName(UserId id) {
        return db.queryOne("SELECT display_name FROM users WHERE id = ?", rs -> rs.getString(1), id.toString())
                .orElse(id.platform() == Platform.CONSOLE ? id.id() : id.toString());
    }


    /** People of one workspace whose display name is {@code name}, ignoring case. */
    public List<UserId> findByName(UserId sameScopeAs, String name) {
        String prefix = sameScopeAs.idPrefix();
        return db.query("SELECT id FROM users WHERE SUBSTR(id, 1, ?) = ? AND LOWER(display_name) = LOWER(?) ORDER BY id",
                rs -> UserId.parse(rs.getString(1)), prefix.length(), prefix, name);
    }

    /** The zone the person chose with {@code settings tz}, which wins over their platform's. */
    public Optional<ZoneId> chosenZone(UserId id) {
        return db.queryOne("SELECT chosen_zone FROM users WHERE id = ? AND chosen_zone IS NOT NULL",
                rs -> rs.getString(1), id.toString()).filter(ZoneId.getAvailableZoneIds()::contains)
                .map(ZoneId::of);
    }

    /** Sets (or, empty, clears) the chosen zone of someone already {@link #seen}. */
    public void choose(UserId id, Optional<ZoneId> zone) {
        db.update("UPDATE users SET chosen_zone = ? WHERE id = ?", zone.map(ZoneId::getId).orElse(null),
                id.toString());
    }

    /** The actor in the zone they chose, when they chose one: every time in a reply is then written in it. */
    public Actor inChosenZone(Actor actor) {
        return chosenZone(actor.id()).map(z -> new Actor(actor.id(), actor.displayName(), Optional.of(z),
                actor.platformAdmin())).orElse(actor);
    }

    public Optional<String> knownName(UserId id) {
        return db.queryOne("SELECT display_name FROM users WHERE id = ?", rs -> rs.getString(1), id.toString());
    }
}
