-- Events: announcements, RSVPs, reminders, recurrence overrides, and db-scheduler's job table.
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Times are UTC epoch milliseconds; an event keeps the
-- zone its leader gave so recurrences follow local time across DST changes.

-- Small counters for ids people type (event 12): a row lock (PostgreSQL) or the write lock (SQLite) serialises them.
CREATE TABLE id_sequences (
    name        TEXT   PRIMARY KEY,
    next_value  BIGINT NOT NULL
);
INSERT INTO id_sequences (name, next_value) VALUES ('event', 1);

CREATE TABLE events (
    id               BIGINT PRIMARY KEY,
    community        TEXT   NOT NULL REFERENCES communities (name),
    title            TEXT   NOT NULL,
    description      TEXT,
    location         TEXT,
    zone             TEXT   NOT NULL,
    start_local      TEXT   NOT NULL,   -- 2026-12-03T12:00, in zone: the DTSTART of the series
    duration_minutes BIGINT NOT NULL,
    rrule            TEXT,              -- FREQ=WEEKLY;…, or NULL for a one-off event
    sequence         BIGINT NOT NULL,   -- iCalendar SEQUENCE, bumped on every edit or cancellation
    created_by       TEXT   NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    cancelled_at     BIGINT
);
CREATE INDEX events_by_community ON events (community);

-- One occurrence of a series cancelled or moved (iCalendar EXDATE / RECURRENCE-ID), keyed by its original start.
CREATE TABLE event_overrides (
    event_id        BIGINT NOT NULL REFERENCES events (id),
    original_start  BIGINT NOT NULL,
    new_start       BIGINT,
    cancelled       INTEGER NOT NULL,
    PRIMARY KEY (event_id, original_start)
);

-- Answers per occurrence (keyed by its original start); answering again replaces the answer.
CREATE TABLE event_rsvps (
    event_id        BIGINT NOT NULL REFERENCES events (id),
    occurrence      BIGINT NOT NULL,
    user_id         TEXT   NOT NULL,
    answer          TEXT   NOT NULL CHECK (answer IN ('GOING', 'MAYBE', 'DECLINED')),
    answered_at     BIGINT NOT NULL,
    PRIMARY KEY (event_id, occurrence, user_id)
);

-- The announcement messages of each occurrence, so counts and cancellations update them in place.
CREATE TABLE event_announcements (
    event_id        BIGINT NOT NULL REFERENCES events (id),
    occurrence      BIGINT NOT NULL,
    channel_id      TEXT   NOT NULL,
    message_id      TEXT   NOT NULL,
    posted_at       BIGINT NOT NULL,
    PRIMARY KEY (event_id, occurrence, channel_id)
);

-- What was sent for an occurrence (announce, remind:<minutes>, start): a notice is claimed here before it is sent,
-- so it goes out at most once whatever the scheduler, a restart or a second replica does.
CREATE TABLE event_notices (
    event_id        BIGINT NOT NULL REFERENCES events (id),
    occurrence      BIGINT NOT NULL,
    kind            TEXT   NOT NULL,
    sent_at         BIGINT NOT NULL,
    PRIMARY KEY (event_id, occurrence, kind)
);

-- Per-community timing: reminders (minutes before, comma-separated) and how early each occurrence is announced.
CREATE TABLE event_settings (
    community         TEXT   PRIMARY KEY REFERENCES communities (name),
    reminder_minutes  TEXT   NOT NULL,
    announce_minutes  BIGINT NOT NULL
);

-- db-scheduler 16's job table (its PostgreSQL schema; SQLite takes the same types by affinity).
CREATE TABLE scheduled_tasks (
    task_name             TEXT NOT NULL,
    task_instance         TEXT NOT NULL,
    task_data             BYTEA,
    execution_time        TIMESTAMP WITH TIME ZONE,
    picked                BOOLEAN NOT NULL,
    picked_by             TEXT,
    last_success          TIMESTAMP WITH TIME ZONE,
    last_failure          TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INT,
    last_heartbeat        TIMESTAMP WITH TIME ZONE,
    version               BIGINT NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
