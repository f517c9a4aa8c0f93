-- Platforms deliver some events more than once (Slack retries an event it thinks was not acknowledged in time).
-- One row per (source, event id) makes "handle it once" durable across restarts and replicas.
-- Portable SQL (SQLite and PostgreSQL). received_at is UTC epoch milliseconds, so old receipts can be pruned.

CREATE TABLE inbound_receipts (
    source      TEXT   NOT NULL,
    event_id    TEXT   NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (source, event_id)
);

CREATE INDEX inbound_receipts_received_at ON inbound_receipts (received_at);
