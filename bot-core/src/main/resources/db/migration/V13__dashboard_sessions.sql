-- The web dashboard's sign-in: one-time links that /cop dashboard hands out in chat, and the browser sessions they
-- open. Both secrets (the link's token, the session id in the cookie) are 128 random bits shown only to their owner
-- and kept here as SHA-256 alone, so a copy of the store signs nobody in. The person's admin standing is taken from
-- chat when the link is asked for. Kept in the store so sessions survive restarts and hold across replicas.
-- Portable SQL (SQLite and PostgreSQL); times are UTC epoch milliseconds.

CREATE TABLE dashboard_links (
    token_hash   TEXT    PRIMARY KEY,
    user_id      TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    admin        INTEGER NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    used_at      BIGINT
);
CREATE INDEX dashboard_links_by_user ON dashboard_links (user_id);

CREATE TABLE dashboard_sessions (
    session_hash TEXT    PRIMARY KEY,
    user_id      TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    admin        INTEGER NOT NULL,
    -- The session's CSRF token: every form carries it, and a POST without it is refused.
    csrf_token   TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    revoked_at   BIGINT
);
CREATE INDEX dashboard_sessions_by_user ON dashboard_sessions (user_id);
