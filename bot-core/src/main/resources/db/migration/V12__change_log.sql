-- The change log the search index follows. Portable SQL (SQLite and PostgreSQL); times are UTC epoch milliseconds.

-- One row per change a transaction committed to what the index holds: a thread (message, edit, deletion, reaction),
-- a channel purged or enabled/disabled, a workspace purged, a membership change (access). Written in the same
-- transaction as the change, so the log holds exactly what the store committed. Each replica keeps, in its index's
-- commit, the position it has applied, and applies the rows after it in order.
CREATE TABLE change_log (
    position    BIGINT PRIMARY KEY,
    kind        TEXT   NOT NULL,
    target      TEXT   NOT NULL,
    detail      TEXT   NOT NULL DEFAULT '',
    changed_at  BIGINT NOT NULL
);
CREATE INDEX change_log_by_time ON change_log (changed_at);

-- The last position handed out, and the highest one pruned. Positions are taken by updating this one row, which holds
-- its lock until the transaction ends: appending transactions commit in position order, so a reader never sees a
-- position before an earlier one is committed (no gaps to wait for), which a sequence or identity would not give.
CREATE TABLE change_log_head (
    id         INTEGER PRIMARY KEY,
    position   BIGINT  NOT NULL,
    pruned_to  BIGINT  NOT NULL
);
INSERT INTO change_log_head (id, position, pruned_to) VALUES (1, 0, 0);

-- Replaced by the change log: an interrupted import no longer forces a rebuild, the index replays the log instead.
DROP TABLE import_runs;
