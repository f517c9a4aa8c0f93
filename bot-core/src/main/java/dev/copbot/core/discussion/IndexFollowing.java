package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.ChangeLog.Change;
import dev.copbot.core.store.ChangeLog.Range;
import dev.copbot.core.store.ChangeLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index as a follower of the store's change log: it has applied every change up to {@link #position()},
 * records that position in each index commit, and on start replays the log from there instead of rebuilding. Changes
 * are applied in log order, by one thread at a time; a thread entry is applied by reading the thread as the store
 * holds it now, so replaying an entry is harmless and a commit may record a position lower than what it holds.
 */
final class IndexFollowing {
    private static final Logger log = LoggerFactory.getLogger(IndexFollowing.class);
    /** The commit user data key holding the last applied position. */
    static final String POSITION = SearchBackend.POSITION;
    private static final int BATCH = 1_000;
    private static final long REFRESH_DURING_REPLAY_NANOS = 1_000_000_000L;

    private final MessageStore store;
    private final SearchBackend index;
    private final AccessControl access;
    private final ChangeLog changes;
    private final ReentrantLock applying = new ReentrantLock();
    private final Object committing = new Object();
    /** Guarded by {@link #applying}; read without it only for reports. */
    private volatile long applied;
    private volatile boolean following = true;
    /**
     * A rebuild reads the store after taking its position, so the index may hold threads committed after it; up to
     * this position a thread is never added without deleting a copy first.
     */
    private volatile long addSafeAfter;
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** Whether applying this process's own commits failed last time (a remote backend down): to log it once. */
    private final AtomicBoolean failing = new AtomicBoolean();
    /** Bumped when changes are applied; a search refreshes its reader until {@link #refreshed} caught up with it. */
    private final AtomicLong touched = new AtomicLong();
    private final AtomicLong refreshed = new AtomicLong();
    /** Whether the last batch read was full: a long replay (an import beside the bot) is going on. */
    private volatile boolean backlog;
    private volatile long lastRefreshNanos;
    private final AtomicLong appliedCount = new AtomicLong();
    private final AtomicLong rebuilds = new AtomicLong();
    /** Threads an import batch built from memory, valid for the positions its own commit took (see {@link #hint}). */
    private final ThreadLocal<Map<ThreadKey, List<StoredMessage>>> hints = new ThreadLocal<>();
    private final Runnable unsubscribe;

    IndexFollowing(MessageStore store, SearchBackend index, AccessControl access) {
        this.store = store;
        this.index = index;
        this.access = access;
        this.changes = store.database().changes();
        // Read-your-writes: what this process commits is in its index before the writing call returns.
        this.unsubscribe = changes.onCommit(this::committedHere);
    }

    long position() {
        return applied;
    }

    /** Changes committed to the store that this index has not applied yet: the index lag an operator watches. */
    long behind() {
        return Math.max(0, changes.head() - applied);
    }

    /** Total changes applied since start (replays included): how a test sees that a restart replayed only a tail. */
    long changesApplied() {
        return appliedCount.get();
    }

    long rebuilds() {
        return rebuilds.get();
    }

    /** Stops applying changes: this process only writes the store (an import beside a running bot). */
    void stop() {
        following = false;
        unsubscribe.run();
    }

    /** Brings an index opened at start up to the store: replays the log from its position, or rebuilds when it cannot. */
    void reconcile() {
        Map<String, String> data = index.committedData();
        String at = data.get(POSITION);
        if (at == null) {
            if (!data.containsKey("format") && store.messageCount() == 0) {
                setPosition(changes.head()); // a new installation: nothing to index
                flush();
            } else {
                rebuild(data.containsKey("format") ? "the search index predates the change log"
                        : "there is no search index");
            }
            return;
        }
        long position = Long.parseLong(at);
        long head = changes.head();
        long pruned = changes.prunedTo();
        if (position < pruned) {
            rebuild("the search index is at change " + position + " but the change log keeps only changes after " + pruned);
        } else if (position > head) {
            rebuild("the search index is at change " + position + ", ahead of the store's change log (" + head
                    + "): it was built from another store");
        } else {
            setPosition(position);
            long replayed = catchUp(Long.MAX_VALUE, null);
            flush();
            log.info("search index resumed at change {}: {} later changes replayed, now at {}", position, replayed, applied);
        }
    }

    private void setPosition(long position) {
        applying.lock();
        try {
            applied = position;
        } finally {
            applying.unlock();
        }
    }

    /** Re-creates the whole index from the store, saying why; returns the number of threads indexed. */
    long rebuild(String why) {
        log.warn("{}: rebuilding the search index from the store", why);
        long threads = rebuild();
        log.info("search index rebuilt: {} threads, at change {}", threads, applied);
        return threads;
    }

    long rebuild() {
        long[] threads = {0};
        applying.lock();
        try {
            // Read before the store: whatever commits during the rebuild is after it and is applied again after.
            long head = changes.head();
            index.deleteAll();
            store.forEachThread(500, keys -> store.threads(keys).forEach((key, messages) -> {
                index.upsert(ThreadDocument.of(key, messages), key.channel().workspace(), head);
                threads[0]++;
            }));
            addSafeAfter = changes.head();
            touched();
            applied = head;
        } finally {
            applying.unlock();
        }
        rebuilds.incrementAndGet();
        flush();
        return threads[0];
    }

    /** Applies everything committed after the current position; returns how many changes. */
    long catchUp() {
        return catchUp(Long.MAX_VALUE, null);
    }

    private void committedHere(Range range) {
        try {
            if (following) {
                catchUp(range.last(), range);
                if (failing.compareAndSet(true, false)) {
                    log.info("the search index takes changes again, at {}", applied);
                }
            }
        } catch (RuntimeException e) {
            // The store has the change: the follower applies it when the index answers again (a remote backend down).
            // Said once, not once per import batch.
            if (failing.compareAndSet(false, true)) {
                log.warn("the search index could not take changes {}-{} at once ({}); the follower retries, and "
                        + "later failures are logged at debug level until it succeeds", range.first(), range.last(),
                        why(e));
            } else {
                log.debug("the search index could not take changes {}-{}: {}", range.first(), range.last(), why(e));
            }
        } finally {
            hints.remove();
        }
    }

    /** For the log: the failure and what caused it (a backend's "unavailable" says why only in its cause). */
    static String why(RuntimeException e) {
        return e.getCause() == null || e.getCause().getMessage() == null ? String.valueOf(e.getMessage())
                : e.getMessage() + ": " + e.getCause().getMessage();
    }

    /** Applies changes in order until {@code upTo} is applied (or the log ends). */
    private long catchUp(long upTo, Range mine) {
        Map<ThreadKey, List<StoredMessage>> hinted = mine == null || hints.get() == null ? Map.of() : hints.get();
        long total = 0;
        while (true) {
            // One batch per lock: a long replay (an import on another process) lets local writes in between.
            applying.lock();
            try {
                if (applied >= upTo) {
                    break;
                }
                List<Change> batch = changes.after(applied, BATCH);
                // Only the follower's open-ended replay counts: a writer applying its own commit must see it at once.
                backlog = upTo == Long.MAX_VALUE && batch.size() == BATCH;
                if (batch.isEmpty()) {
                    break;
                }
                apply(batch, mine, hinted);
                index.sendWrites();
                // Before the lock is released: a writer that finds its change applied must also find it unrefreshed.
                touched();
                applied = batch.getLast().position();
                total += batch.size();
                appliedCount.addAndGet(batch.size());
            } finally {
                applying.unlock();
            }
            refreshDuringReplay();
        }
        return total;
    }

    private void apply(List<Change> batch, Range mine, Map<ThreadKey, List<StoredMessage>> hinted) {
        Map<ThreadKey, Long> last = new HashMap<>();
        Set<ThreadKey> threads = new LinkedHashSet<>();
        for (Change c : batch) {
            switch (c.kind()) {
                case IndexChanges.THREAD -> {
                    ThreadKey key = ThreadKey.parse(c.target());
                    threads.add(key);
                    last.put(key, c.position());
                }
                case IndexChanges.CHANNEL_PURGED -> {
                    reindex(threads, last, mine, hinted);
                    index.deleteChannel(ChannelId.parse(c.target()));
                    access.forget(ChannelId.parse(c.target()));
                }
                case IndexChanges.WORKSPACE_PURGED -> {
                    reindex(threads, last, mine, hinted);
                    index.deleteChannelsStartingWith(c.target());
                }
                case IndexChanges.MEMBER -> access.forget(UserId.parse(c.detail()), ChannelId.parse(c.target()));
                case IndexChanges.CHANNEL -> access.forget(ChannelId.parse(c.target()));
                default -> log.debug("change {} of unknown kind {} skipped (written by a newer version)", c.position(),
                        c.kind());
            }
        }
        reindex(threads, last, mine, hinted);
    }

    /**
     * Re-indexes threads as the store holds them. A thread built from an import batch in memory is used instead of
     * reading it back when its last change here is one of that batch's own: it then shows the state of that commit.
     */
    private void reindex(Set<ThreadKey> threads, Map<ThreadKey, Long> last, Range mine,
                         Map<ThreadKey, List<StoredMessage>> hinted) {
        if (threads.isEmpty()) {
            return;
        }
        List<ThreadKey> read = new ArrayList<>();
        for (ThreadKey key : threads) {
            List<StoredMessage> known = hinted.get(key);
            if (known != null && mine.contains(last.get(key))) {
                // The thread began in this commit and changes apply in order, so the index cannot hold it: adding
                // without a delete keeps an import as fast as before the change log (an update cost it a third more).
                if (mine.first() > addSafeAfter) {
                    index.add(ThreadDocument.of(key, known), key.channel().workspace(), last.get(key));
                } else {
                    index.upsert(ThreadDocument.of(key, known), key.channel().workspace(), last.get(key));
                }
            } else {
                read.add(key);
            }
        }
        Map<ThreadKey, List<StoredMessage>> stored = store.threads(read);
        for (ThreadKey key : read) {
            List<StoredMessage> messages = stored.get(key);
            if (messages == null) {
                index.delete(key, last.get(key));
            } else {
                index.upsert(ThreadDocument.of(key, messages), key.channel().workspace(), last.get(key));
            }
        }
        threads.clear();
    }

    /**
     * Hands over threads an import batch holds whole in memory, computed just before its commit (after the change log
     * took its positions, so nothing committed earlier is missing from them), to index without reading them back.
     */
    void hint(Map<ThreadKey, List<StoredMessage>> threads) {
        hints.set(threads);
    }

    void clearHints() {
        hints.remove();
    }

    /** Makes the index durable with the position it has applied. */
    void flush() {
        if (!following) {
            return;
        }
        synchronized (committing) {
            dirty.set(false);
            // Read first: changes applied during the commit make the index ahead of it, and replaying them is harmless.
            index.commit(Map.of(POSITION, Long.toString(applied)));
        }
    }

    /** After a bulk import, when this process holds the index: one segment, then a commit. */
    void compact() {
        if (!following) {
            return;
        }
        refreshIfStale();
        index.mergeDown();
        dirty.set(true);
        flush();
    }

    boolean dirty() {
        return dirty.get();
    }

    /**
     * Makes applied changes visible to the next search. Versions rather than a flag: a search that comes while the
     * follower is refreshing must wait for that refresh (the reader refresh blocks), not skip it. During a long replay
     * (an import beside the bot) searches do not refresh: the follower does, once a second ({@link #refreshDuringReplay}),
     * since each refresh writes a segment of what was added since and searches paid for it (p90 0.4 s at 10 a second).
     */
    void refreshIfStale() {
        long version = touched.get();
        if (refreshed.get() < version && !backlog) {
            refresh(version);
        }
    }

    /** In a long replay, the applied changes become searchable once a second, refreshed by the follower's thread. */
    private void refreshDuringReplay() {
        if (backlog && System.nanoTime() - lastRefreshNanos > REFRESH_DURING_REPLAY_NANOS) {
            refresh(touched.get());
        }
    }

    /** Makes everything applied up to {@code version} visible to searches. */
    private void refresh(long version) {
        index.refresh();
        lastRefreshNanos = System.nanoTime();
        refreshed.accumulateAndGet(version, Math::max);
    }

    private void touched() {
        dirty.set(true);
        touched.incrementAndGet();
    }

    void close() {
        unsubscribe.run();
    }
}
