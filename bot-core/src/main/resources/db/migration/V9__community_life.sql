-- Community life: the welcome leaders write, kudos, weekly digests and who wants them by DM, and notices that must
-- go out once (a digest per period, the yearly charter review). Portable SQL (SQLite and PostgreSQL); times are UTC
-- epoch milliseconds.

ALTER TABLE communities ADD COLUMN welcome TEXT;
-- When the charter was last set or confirmed; the yearly review counts from here (or from created_at).
ALTER TABLE communities ADD COLUMN charter_reviewed_at BIGINT;

CREATE TABLE kudos (
    id          TEXT   PRIMARY KEY,
    giver       TEXT   NOT NULL,
    receiver    TEXT   NOT NULL,
    community   TEXT   REFERENCES communities (name),
    reason      TEXT,
    -- The thread the kudos is about, when it was given in one (a reaction, or the command run in a thread).
    channel_id  TEXT,
    thread_root TEXT,
    message_id  TEXT,
    via         TEXT   NOT NULL CHECK (via IN ('COMMAND', 'REACTION')),
    day         TEXT   NOT NULL,   -- the giver's UTC date, for the daily limit
    given_at    BIGINT NOT NULL
);
CREATE INDEX kudos_by_giver_day ON kudos (giver, day);
CREATE INDEX kudos_by_thread ON kudos (channel_id, thread_root);
CREATE INDEX kudos_by_community ON kudos (community, given_at);
-- A reaction gives kudos once per giver and message; removing the reaction takes it back.
CREATE UNIQUE INDEX kudos_reaction_once ON kudos (giver, channel_id, message_id, via);

-- The weekly digest of a community: when it is posted (local day and time in its zone), or not at all.
CREATE TABLE digest_settings (
    community   TEXT    PRIMARY KEY REFERENCES communities (name),
    day_of_week TEXT    NOT NULL,
    local_time  TEXT    NOT NULL,
    zone        TEXT    NOT NULL,
    enabled     INTEGER NOT NULL
);

-- Members who also get the digest as a DM.
CREATE TABLE digest_subscribers (
    community  TEXT   NOT NULL REFERENCES communities (name),
    user_id    TEXT   NOT NULL,
    since      BIGINT NOT NULL,
    PRIMARY KEY (community, user_id)
);

-- A notice claimed before it goes out (digest:<period start>, charter-review:<year>), so it goes out at most once
-- whatever restarts, the scheduler or a second replica do.
CREATE TABLE community_notices (
    community  TEXT   NOT NULL REFERENCES communities (name),
    kind       TEXT   NOT NULL,
    period     TEXT   NOT NULL,
    sent_at    BIGINT NOT NULL,
    PRIMARY KEY (community, kind, period)
);
