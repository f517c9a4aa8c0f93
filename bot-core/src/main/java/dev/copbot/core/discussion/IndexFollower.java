package dev.copbot.core.discussion;

import dev.copbot.core.store.ChangeLog;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps this replica's index on the change log: it waits for a change (a local commit, a PostgreSQL
 * notification from another replica, or the poll interval passing), applies what was committed and refreshes the
 * searcher, so a change made anywhere is searchable here within moments. It also prunes the log now and then.
 */
public final class IndexFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
    /** Keep a week of changes: a replica stopped for longer rebuilds its index on start, saying so. */
    static final Duration KEEP = Duration.ofDays(7);
    private static final long PRUNE_EVERY_NANOS = Duration.ofHours(1).toNanos();

    private final Discussions discussions;
    private final ChangeLog changes;
    private final Duration poll;
    private final Thread thread;
    private volatile boolean closed;

    private IndexFollower(Discussions discussions, Duration poll) {
        this.discussions = discussions;
        this.changes = discussions.store().database().changes();
        this.poll = poll;
        this.thread = Thread.ofPlatform().daemon().name("copbot-index-follower").unstarted(this::loop);
    }

    /** {@code poll}: how long to wait when no notification comes (SQLite, or the notifications connection down). */
    public static IndexFollower start(Discussions discussions, Duration poll) {
        IndexFollower f = new IndexFollower(discussions, poll);
        f.changes.listen();
        f.thread.start();
        return f;
    }

    private void loop() {
        long pruned = System.nanoTime();
        boolean failing = false;
        while (!closed) {
            try {
                changes.awaitChange(poll);
                discussions.catchUp();
                if (System.nanoTime() - pruned > PRUNE_EVERY_NANOS) {
                    pruned = System.nanoTime();
                    long n = changes.prune(KEEP);
                    log.debug("pruned {} changes older than {}", n, KEEP);
                }
                if (failing) {
                    log.info("the search index follows the store again, at change {}", discussions.position());
                    failing = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    // The store is down or restarting: nothing is lost, the next round goes on from the same position.
                    log.warn("the search index could not follow the store ({}): retrying", IndexFollowing.why(e));
                    failing = true;
                }
                try {
                    changes.awaitChange(poll); // a wait that close() can cut short
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        // Not Thread.interrupt: an interrupt during Lucene's file I/O closes the index writer for good.
        changes.wake();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
