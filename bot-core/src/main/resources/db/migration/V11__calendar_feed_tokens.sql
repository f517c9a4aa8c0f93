-- Per-person calendar feeds of private communities (a community with a channel that is not public). The secret is a
-- random 128-bit token that only its owner is shown, once; the store keeps its SHA-256 alone, so a copy of the store
-- opens no feed. Revoking keeps the row (when, and that it is dead). Portable SQL (SQLite and PostgreSQL); times are
-- UTC epoch milliseconds.

CREATE TABLE calendar_feed_tokens (
    token_hash  TEXT   PRIMARY KEY,
    community   TEXT   NOT NULL REFERENCES communities (name),
    user_id     TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX calendar_feed_tokens_by_owner ON calendar_feed_tokens (community, user_id);
