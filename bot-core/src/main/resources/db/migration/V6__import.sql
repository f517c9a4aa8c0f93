-- History imports (copbot import). Portable SQL (SQLite and PostgreSQL); times are UTC epoch milliseconds.

-- How far an import got in each file of an export, written in the same transaction as the messages it covers, so a
-- resumed import skips what is stored and an unchanged file is not read again. A changed file (another fingerprint)
-- is read again from its start; the messages already stored are then skipped by their ids.
CREATE TABLE import_files (
    source       TEXT    NOT NULL,
    file         TEXT    NOT NULL,
    fingerprint  TEXT    NOT NULL,
    position     BIGINT  NOT NULL,
    done         INTEGER NOT NULL DEFAULT 0,
    updated_at   BIGINT  NOT NULL,
    PRIMARY KEY (source, file)
);

-- An import that has written messages whose search index is not saved yet. Left behind by a crash; the next import
-- then rebuilds the index from the store before going on.
CREATE TABLE import_runs (
    source      TEXT   PRIMARY KEY,
    started_at  BIGINT NOT NULL
);
