-- Communities of practice, their members, roles and charter, and self-declared skills.
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Times are UTC epoch milliseconds.
-- Identities are scoped strings: slack:T…:U…, discord:<guild>:<user>, console:<name>.

CREATE TABLE users (
    id            TEXT   PRIMARY KEY,
    display_name  TEXT   NOT NULL,
    time_zone     TEXT,
    updated_at    BIGINT NOT NULL
);

CREATE TABLE channels (
    id          TEXT   PRIMARY KEY,
    name        TEXT   NOT NULL,
    visibility  TEXT   NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE', 'DIRECT')),
    updated_at  BIGINT NOT NULL
);

CREATE TABLE communities (
    name        TEXT   PRIMARY KEY,
    purpose     TEXT,
    scope       TEXT,
    cadence     TEXT,
    how_to_ask  TEXT,
    created_by  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    archived_at BIGINT
);

CREATE TABLE community_channels (
    community   TEXT   NOT NULL REFERENCES communities (name),
    channel_id  TEXT   NOT NULL REFERENCES channels (id),
    added_at    BIGINT NOT NULL,
    PRIMARY KEY (community, channel_id)
);
CREATE INDEX community_channels_by_channel ON community_channels (channel_id);

CREATE TABLE memberships (
    community  TEXT   NOT NULL REFERENCES communities (name),
    user_id    TEXT   NOT NULL,
    joined_at  BIGINT NOT NULL,
    PRIMARY KEY (community, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE community_roles (
    community   TEXT   NOT NULL REFERENCES communities (name),
    user_id     TEXT   NOT NULL,
    role        TEXT   NOT NULL CHECK (role IN ('LEADER', 'SPONSOR', 'EXPERT', 'SUPPORT')),
    granted_by  TEXT   NOT NULL,
    granted_at  BIGINT NOT NULL,
    PRIMARY KEY (community, user_id, role)
);

CREATE TABLE skills (
    user_id   TEXT   NOT NULL,
    skill     TEXT   NOT NULL,
    added_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, skill)
);
CREATE INDEX skills_by_skill ON skills (skill);
