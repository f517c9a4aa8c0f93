package dev.copbot.core.dashboard;

import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in links and the sessions they open, in the store so they survive restarts and hold on every replica. A link
 * is good for {@link #LINK_VALID} and once: redeeming it marks it used in the same statement that checks it, so two
 * replicas (or a double click) cannot both open a session with it. Each sign-in gets a new session id (never one the
 * browser brought), valid {@link #SESSION_VALID}.
 */
public final class WebSessions {
    public static final Duration LINK_VALID = Duration.ofMinutes(10);
    public static final Duration SESSION_VALID = Duration.ofHours(8);

    /** A session just opened: its id goes into the cookie and nowhere else. */
    public record Opened(String sessionId, WebSession session) {}

    private final Database db;
    private final Clock clock;

    public WebSessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new one-time link token for {@code user}; the token is returned, only its hash is kept. */
    String issueLink(UserId user, String displayName, boolean admin) {
        Instant now = clock.instant();
        String token = Secrets.fresh();
        db.transaction(() -> {
            // Dead rows are no use to anyone: links a day past expiry, sessions a day past their end.
            long dayAgo = now.minus(Duration.ofDays(1)).toEpochMilli();
            db.update("DELETE FROM dashboard_links WHERE expires_at < ?", dayAgo);
            db.update("DELETE FROM dashboard_sessions WHERE expires_at < ?", dayAgo);
            db.update("""
                    INSERT INTO dashboard_links (token_hash, user_id, display_name, admin, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", Secrets.hash(token), user.toString(), displayName, admin ? 1 : 0,
                    now.toEpochMilli(), now.plus(LINK_VALID).toEpochMilli());
        });
        return token;
    }

    /** Opens a session with a link token: empty when it is malformed, unknown, expired or already used. */
    public Optional<Opened> redeem(String token) {
        if (token == null || !Secrets.SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = Secrets.hash(token);
        return db.transaction(connection -> {
            int claimed = db.update("""
                    UPDATE dashboard_links SET used_at = ?
                    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""",
                    now.toEpochMilli(), hash, now.toEpochMilli());
            if (claimed != 1) {
                return Optional.<Opened>empty();
            }
            record Link(UserId user, String name, boolean admin) {}
            Link link = db.queryOne("SELECT user_id, display_name, admin FROM dashboard_links WHERE token_hash = ?",
                    rs -> new Link(UserId.parse(rs.getString(1)), rs.getString(2), rs.getInt(3) == 1), hash).orElseThrow();
            String id = Secrets.fresh();
            WebSession session = new WebSession(link.user(), link.name(), link.admin(), Secrets.fresh(),
                    now.plus(SESSION_VALID));
            db.update("""
                    INSERT INTO dashboard_sessions (session_hash, user_id, display_name, admin, csrf_token, created_at,
                      expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", Secrets.hash(id), link.user().toString(), link.name(),
                    link.admin() ? 1 : 0, session.csrfToken(), now.toEpochMilli(), session.expiresAt().toEpochMilli());
            return Optional.of(new Opened(id, session));
        });
    }

    /** The live session a cookie names: empty when it is malformed, unknown, expired or revoked. */
    public Optional<WebSession> find(String sessionId) {
        if (sessionId == null || !Secrets.SHAPE.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        return db.queryOne("""
                SELECT user_id, display_name, admin, csrf_token, expires_at FROM dashboard_sessions
                WHERE session_hash = ? AND revoked_at IS NULL AND expires_at > ?""",
                rs -> new WebSession(UserId.parse(rs.getString(1)), rs.getString(2), rs.getInt(3) == 1,
                        rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))),
                Secrets.hash(sessionId), clock.instant().toEpochMilli());
    }

    /** Whether {@code typed} is the session's CSRF token. */
    public static boolean csrfMatches(WebSession session, String typed) {
        return Secrets.same(session.csrfToken(), typed);
    }

    public void signOut(String sessionId) {
        if (sessionId != null && Secrets.SHAPE.matcher(sessionId).matches()) {
            db.update("UPDATE dashboard_sessions SET revoked_at = ? WHERE session_hash = ? AND revoked_at IS NULL",
                    clock.instant().toEpochMilli(), Secrets.hash(sessionId));
        }
    }

    /** Closes every session of the person and voids their unused links; how many sessions were open. */
    public int revokeUser(UserId user) {
        long now = clock.instant().toEpochMilli();
        return db.transaction(connection -> {
            db.update("UPDATE dashboard_links SET used_at = ? WHERE user_id = ? AND used_at IS NULL", now, user.toString());
            return db.update("UPDATE dashboard_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                    now, user.toString());
        });
    }

    /** Closes every session of a workspace (ids starting {@code idPrefix}, e.g. {@code slack:T01:}). */
    public int revokeWorkspace(String idPrefix) {
        long now = clock.instant().toEpochMilli();
        String like = idPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return db.transaction(connection -> {
            db.update("UPDATE dashboard_links SET used_at = ? WHERE user_id LIKE ? ESCAPE '!' AND used_at IS NULL",
                    now, like);
            return db.update("""
                    UPDATE dashboard_sessions SET revoked_at = ? WHERE user_id LIKE ? ESCAPE '!' AND revoked_at IS NULL""",
                    now, like);
        });
    }
}
