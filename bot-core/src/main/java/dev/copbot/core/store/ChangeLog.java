package dev.copbot.core.store;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of committed changes that derived data (the search index) follows. A change is {@link #record}ed inside the
 * transaction that makes it; the log rows are written just before that transaction commits, so they commit with it or
 * not at all. Positions come from one counter row whose lock is held until commit: transactions that append commit in
 * position order, so a reader that sees position n has every position below it, with no gap to wait out.
 * <p>
 * Followers {@link #awaitChange wait} between reads: a commit in this process wakes them at once, a commit in another
 * process on PostgreSQL through {@code NOTIFY} ({@link ChangeListener}), and otherwise the wait times out (polling).
 */
public final class ChangeLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);
    /** The PostgreSQL channel replicas listen on; a notification carries no data, it only says "read the log". */
    static final String CHANNEL = "copbot_changes";

    /** One logged change: what kind of thing changed and which one ({@code detail}: e.g. the user of a membership). */
    public record Change(long position, String kind, String target, String detail) {}

    /** The positions one transaction appended, from {@code first} to {@code last}. */
    public record Range(long first, long last) {
        public boolean contains(long position) {
            return position >= first && position <= last;
        }
    }

    private record Pending(LinkedHashSet<List<String>> changes) {}

    private final Database db;
    private final List<Consumer<Range>> onCommit = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private boolean signalled;
    private ChangeListener listener;

    ChangeLog(Database db) {
        this.db = db;
    }

    /** Logs a change in the current transaction (or in one of its own); the same change twice is logged once. */
    public void record(String kind, String target, String detail) {
        if (!db.inTransaction()) {
            db.transaction(() -> record(kind, target, detail));
            return;
        }
        Pending pending = db.attached(this, () -> {
            Pending fresh = new Pending(new LinkedHashSet<>());
            db.beforeCommit(() -> append(fresh));
            return fresh;
        });
        pending.changes().add(List.of(kind, target, detail));
    }

    /**
     * Calls {@code listener} on the committing thread after each commit that appended, e.g. to apply one's own changes
     * at once; run the returned action to stop.
     */
    public Runnable onCommit(Consumer<Range> listener) {
        onCommit.add(listener);
        return () -> onCommit.remove(listener);
    }

    private void append(Pending pending) {
        int n = pending.changes().size();
        // Taking the positions locks the head row until commit: from here on, this transaction is next in line.
        db.update("UPDATE change_log_head SET position = position + ? WHERE id = 1", n);
        long last = db.count("SELECT position FROM change_log_head WHERE id = 1");
        Range range = new Range(last - n + 1, last);
        long at = Instant.now().toEpochMilli();
        db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO change_log (position, kind, target, detail, changed_at) VALUES (?, ?, ?, ?, ?)")) {
                long position = range.first();
                for (List<String> change : pending.changes()) {
                    insert.setLong(1, position++);
                    insert.setString(2, change.get(0));
                    insert.setString(3, change.get(1));
                    insert.setString(4, change.get(2));
                    insert.setLong(5, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
        if (db.kind() == Database.Kind.POSTGRESQL) {
            db.query("SELECT pg_notify(?, '')", rs -> null, CHANNEL); // delivered at commit, to every listener
        }
        db.afterCommit(() -> committed(range));
    }

    private void committed(Range range) {
        wake();
        for (Consumer<Range> l : onCommit) {
            try {
                l.accept(range);
            } catch (RuntimeException e) {
                // The store has committed; a follower applies the change later from the log.
                log.warn("applying changes {}..{} right after their commit failed: {}", range.first(), range.last(),
                        e.toString());
            }
        }
    }

    /** The changes after {@code position}, in order, at most {@code limit}. */
    public List<Change> after(long position, int limit) {
        return db.query("SELECT position, kind, target, detail FROM change_log WHERE position > ? ORDER BY position LIMIT ?",
                rs -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), position, limit);
    }

    /** The last position handed out (0 in a new store). */
    public long head() {
        return db.count("SELECT position FROM change_log_head WHERE id = 1");
    }

    /** Positions up to this one were pruned: an index behind it cannot catch up from the log. */
    public long prunedTo() {
        return db.count("SELECT pruned_to FROM change_log_head WHERE id = 1");
    }

    /** Forgets changes older than {@code age}: every replica applies a change within seconds, a week is plenty. */
    public long prune(Duration age) {
        long cutoff = Instant.now().minus(age).toEpochMilli();
        return db.transaction(c -> {
            db.update("UPDATE change_log_head SET pruned_to = COALESCE((SELECT MAX(position) FROM change_log"
                    + " WHERE changed_at < ?), pruned_to) WHERE id = 1", cutoff);
            return (long) db.update("DELETE FROM change_log WHERE position <= (SELECT pruned_to FROM change_log_head"
                    + " WHERE id = 1)");
        });
    }

    /**
     * Waits until a change may have been committed (here, or elsewhere when {@link #listen} is on) or {@code timeout}
     * passes. A wake-up that came while nobody waited is kept, so a commit between a read and the wait is not lost.
     */
    public void awaitChange(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (!signalled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
            signalled = false;
        }
    }

    /** Wakes every {@link #awaitChange} of this process (also used to let a follower see that it should stop). */
    public void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** On PostgreSQL, wakes {@link #awaitChange} when any process commits a change; a no-op on SQLite. */
    public synchronized void listen() {
        if (listener == null && db.kind() == Database.Kind.POSTGRESQL) {
            listener = ChangeListener.start(db, this::wake);
        }
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }
}
