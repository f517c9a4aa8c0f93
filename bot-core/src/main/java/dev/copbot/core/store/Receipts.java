package dev.copbot.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Durable "have we seen this delivery?" for platforms that redeliver (Slack retries events up to three times). The
 * first caller for a (source, id) wins; every later delivery, even after a restart or on another replica, is told it
 * is a repeat. Platform-neutral: {@code source} names the stream, e.g. {@code slack:T0123}.
 */
public final class Receipts {
    private final Database db;

    public Receipts(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** True exactly once per (source, id): the caller should handle the event; false for a repeat. */
    public boolean firstTime(String source, String id, Instant at) {
        return db.update("INSERT INTO inbound_receipts (source, event_id, received_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (source, event_id) DO NOTHING", source, id, at.toEpochMilli()) == 1;
    }

    /**
     * Runs {@code work} the first time (source, id) is seen, in one transaction with the receipt: when the work fails,
     * the receipt is rolled back too, so the platform's next delivery tries again. Returns false for a repeat.
     */
    public boolean once(String source, String id, Instant at, Runnable work) {
        return db.transaction(c -> {
            if (!firstTime(source, id, at)) {
                return false;
            }
            work.run();
            return true;
        });
    }

    /** Forgets receipts older than {@code keep} (Slack stops retrying after about an hour); returns how many. */
    public int prune(Instant now, Duration keep) {
        return db.update("DELETE FROM inbound_receipts WHERE received_at < ?", now.minus(keep).toEpochMilli());
    }
}
