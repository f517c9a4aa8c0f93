-- /cop ask: questions routed to experts, who was asked (at most N a day per community), and snoozes.
ALTER TABLE expert_preferences ADD COLUMN snoozed_until BIGINT;

CREATE TABLE questions (
    id           TEXT   PRIMARY KEY,
    asker        TEXT   NOT NULL,
    community    TEXT   NOT NULL REFERENCES communities (name),
    text         TEXT   NOT NULL,
    asked_at     BIGINT NOT NULL,
    routed_at    BIGINT,
    channel_id   TEXT,
    message_id   TEXT,
    escalated_at BIGINT
);

-- One row per expert asked about a question; "day" is the UTC date, for the per-day limit.
CREATE TABLE question_pings (
    question_id TEXT    NOT NULL REFERENCES questions (id),
    user_id     TEXT    NOT NULL,
    community   TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    round       INTEGER NOT NULL,
    sent_at     BIGINT  NOT NULL,
    PRIMARY KEY (question_id, user_id)
);
CREATE INDEX question_pings_daily ON question_pings (user_id, community, day);
