-- Past discussions: the source of truth behind the (derived, rebuildable) search index.
-- A thread is identified by its channel and its root message id; a root's thread_root is its own id.

-- Channels an admin enabled for indexing (imported ones); community channels are indexed anyway.
ALTER TABLE channels ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE messages (
    channel_id   TEXT   NOT NULL,
    message_id   TEXT   NOT NULL,
    thread_root  TEXT   NOT NULL,
    author       TEXT   NOT NULL,
    text         TEXT   NOT NULL,
    posted_at    BIGINT NOT NULL,
    edited_at    BIGINT,
    PRIMARY KEY (channel_id, message_id)
);
CREATE INDEX messages_by_thread ON messages (channel_id, thread_root, posted_at);

-- A deleted message leaves a tombstone so a late or retried create or edit cannot bring it back.
CREATE TABLE message_tombstones (
    channel_id  TEXT   NOT NULL,
    message_id  TEXT   NOT NULL,
    deleted_at  BIGINT NOT NULL,
    PRIMARY KEY (channel_id, message_id)
);

CREATE TABLE reactions (
    channel_id  TEXT   NOT NULL,
    message_id  TEXT   NOT NULL,
    user_id     TEXT   NOT NULL,
    emoji       TEXT   NOT NULL,
    reacted_at  BIGINT NOT NULL,
    PRIMARY KEY (channel_id, message_id, user_id, emoji)
);

-- Members of private channels and DMs as last reported (events, imports): the access rule when no platform
-- connection can be asked.
CREATE TABLE channel_members (
    channel_id  TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX channel_members_by_user ON channel_members (user_id);
