-- How people want to be listed as experts: never (opted out), or lower and labelled while away.
CREATE TABLE expert_preferences (
    user_id     TEXT    PRIMARY KEY,
    opted_out   INTEGER NOT NULL DEFAULT 0,
    away_until  BIGINT,
    updated_at  BIGINT  NOT NULL
);
