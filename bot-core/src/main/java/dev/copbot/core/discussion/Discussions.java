package dev.copbot.core.discussion;

import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Past discussions: every message event lands in the store first (the source of truth), then the thread it belongs
 * to is re-indexed, so the index can always be rebuilt from the store. Deletions leave tombstones; removing a
 * channel or a workspace purges both.
 */
public final class Discussions implements Feature, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Discussions.class);
    static final String STORED_MESSAGES = "stored_messages";

    private final MessageStore store;
    private final SearchIndex index;
    private final SearchEngine engine;
    private final AccessControl access;
    private final Clock clock;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean stale = new AtomicBoolean();
    /** Writers share it; {@link #flush} takes it alone, so it never records a store the index has not caught up with. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final java.util.concurrent.locks.Lock writing = lock.readLock();
    private final java.util.concurrent.locks.Lock flushing = lock.writeLock();

    public Discussions(MessageStore store, SearchIndex index, Ranking ranking, AccessControl access, Clock clock) {
        this.store = store;
        this.index = index;
        this.engine = new SearchEngine(index, ranking);
        this.access = access;
        this.clock = clock;
    }

    /** The bot's clock, for what ages (caches, recency). */
    public Clock clock() {
        return clock;
    }

    public MessageStore store() {
        return store;
    }

    public SearchEngine engine() {
        return engine;
    }

    public AccessControl access() {
        return access;
    }

    /** Rebuilds the index when it does not match the store (after a crash between the two, or a format change). */
    public void reconcile() {
        long stored = store.messageCount();
        String indexed = index.committedData().get(STORED_MESSAGES);
        if (indexed == null && stored == 0) {
            flush(); // a new, empty installation
        } else if (!String.valueOf(stored).equals(indexed)) {
            log.warn("the search index does not match the store ({} messages indexed, {} stored): rebuilding it",
                    indexed == null ? "no" : indexed, stored);
            rebuild();
        }
    }

    /** Re-creates the whole index from the store; returns the number of threads indexed. */
    public long rebuild() {
        index.deleteAll();
        long[] threads = {0};
        store.forEachThread(500, keys -> {
            store.threads(keys).forEach((key, messages) -> {
                index.upsert(ThreadDocument.of(key, messages), key.channel().workspace());
                threads[0]++;
            });
        });
        flush();
        changed();
        log.info("search index rebuilt: {} threads", threads[0]);
        return threads[0];
    }

    /** Keeps the store and the index in step with everything the platforms report. */
    @Override
    public void register(Registry registry) {
        registry.on(Inbound.MessagePosted.class, this::posted);
        registry.on(Inbound.MessageEdited.class, this::edited);
        registry.on(Inbound.MessageDeleted.class, this::deleted);
        registry.on(Inbound.ReactionAdded.class, r -> reacted(r.reaction(), r.at(), true));
        registry.on(Inbound.ReactionRemoved.class, r -> reacted(r.reaction(), r.at(), false));
        registry.on(Inbound.MemberJoinedChannel.class, j -> memberJoined(j.channel().id(), j.user()));
        registry.on(Inbound.MemberLeftChannel.class, l -> memberLeft(l.channel().id(), l.user()));
        registry.on(Inbound.ChannelRemoved.class, c -> channelRemoved(c.channel(), c.at()));
        registry.on(Inbound.WorkspaceRemoved.class, w -> workspaceRemoved(w.platform(), w.scope(), w.at()));
    }

    /** A message from a platform, a backfill or an import. Ignored outside indexed channels. */
    public void posted(Inbound.MessagePosted event) {
        postedAll(List.of(event));
    }

    /** Many messages at once (backfills): one store transaction, each changed thread indexed once. */
    public int postedAll(List<Inbound.MessagePosted> events) {
        return ingest(events, List.of(), List.of(), () -> {}).kept();
    }

    /** What one {@link #ingest} batch changed. */
    public record Ingested(int kept, List<Message> inserted, List<MessageId> edited, List<Reaction> reacted) {}

    /**
     * An import batch: new messages (already stored or tombstoned ones are skipped; channels that are not indexed
     * are ignored), edits newer than the stored text, new reactions, and the caller's own writes
     * ({@code alsoInTransaction}, e.g. membership and import progress), all in one store transaction, so a crash
     * keeps all of it or none. Each changed thread is then indexed once, after the commit; a thread that began in
     * this batch is built from the batch itself.
     */
    public Ingested ingest(List<Inbound.MessagePosted> events, List<Inbound.MessageEdited> edits,
                           List<Inbound.ReactionAdded> reactions, Runnable alsoInTransaction) {
        writing.lock();
        try {
            Ingested done = store.database().transaction(c -> {
                Map<ChannelId, Boolean> indexable = new java.util.HashMap<>();
                Map<ChannelId, dev.copbot.core.platform.Channel> channels = new java.util.LinkedHashMap<>();
                events.forEach(e -> channels.put(e.channel().id(), e.channel()));
                channels.values().forEach(ch -> store.channels().upsert(ch, clock.instant()));
                List<Message> kept = new ArrayList<>();
                for (Inbound.MessagePosted e : events) {
                    if (indexable.computeIfAbsent(e.channel().id(), store.channels()::indexable)) {
                        kept.add(e.message());
                    }
                }
                List<Message> inserted = store.insertAll(kept);
                List<MessageId> edited = store.editAll(edits);
                List<Reaction> reacted = store.reactAll(reactions);
                alsoInTransaction.run();
                return new Ingested(kept.size(), inserted, edited, reacted);
            });
            Set<ThreadKey> changed = new java.util.LinkedHashSet<>();
            Set<MessageId> fresh = new java.util.HashSet<>();
            for (Message m : done.inserted()) {
                changed.add(new ThreadKey(m.channel(), m.threadRoot().id()));
                fresh.add(m.id());
            }
            Map<MessageId, List<StoredMessage.StoredReaction>> freshReactions = new java.util.HashMap<>();
            for (Reaction r : done.reacted()) {
                if (fresh.contains(r.message())) {
                    freshReactions.computeIfAbsent(r.message(), k -> new ArrayList<>())
                            .add(new StoredMessage.StoredReaction(r.user(), r.emoji()));
                }
            }
            java.util.stream.Stream.concat(done.edited().stream(), done.reacted().stream().map(Reaction::message))
                    .filter(id -> !fresh.contains(id)).distinct()
                    .forEach(id -> store.threadOf(id).ifPresent(changed::add));
            reindex(changed, done.inserted(), freshReactions);
            return done;
        } finally {
            writing.unlock();
        }
    }

    public void edited(Inbound.MessageEdited e) {
        underWriteLock(() -> store.edit(e.message(), e.newText(), e.editedAt()).ifPresent(k -> reindex(List.of(k))));
    }

    public void deleted(Inbound.MessageDeleted e) {
        underWriteLock(() -> store.delete(e.message(), e.deletedAt()).ifPresent(k -> reindex(List.of(k))));
    }

    public void reacted(dev.copbot.core.platform.Reaction r, Instant at, boolean added) {
        underWriteLock(() -> store.react(r, at, added).ifPresent(k -> reindex(List.of(k))));
    }

    private void underWriteLock(Runnable work) {
        writing.lock();
        try {
            work.run();
        } finally {
            writing.unlock();
        }
    }

    public void memberJoined(ChannelId channel, UserId user) {
        store.members().joined(channel, user);
        access.forget(user, channel);
    }

    public void memberLeft(ChannelId channel, UserId user) {
        store.members().left(channel, user);
        access.forget(user, channel);
    }

    public void channelRemoved(ChannelId channel, Instant at) {
        store.purgeChannel(channel, at);
        index.deleteChannel(channel);
        changed();
        log.info("purged channel {} from the store and the index", channel);
    }

    public void workspaceRemoved(dev.copbot.core.platform.Platform platform, String scope, Instant at) {
        store.purgeWorkspace(platform, scope, at);
        index.deleteChannelsStartingWith(platform.idPrefix(scope));
        changed();
        log.info("purged workspace {}:{} from the store and the index", platform.key(), scope);
    }

    public Optional<String> lastMessageId(ChannelId channel) {
        return store.lastMessageId(channel);
    }

    /** Searches as {@code asker}: only threads they may read count, in results, totals and later pages. */
    public SearchEngine.Results search(UserId asker, SearchRequest request, int offset, int limit) {
        refreshIfStale();
        return engine.search(request, access.ruleFor(asker), offset, limit, true);
    }

    /**
     * Runs {@code work} on a fresh point-in-time view of the thread index, for readers with queries of their own (the
     * expert ranking). Read-only: callers must apply {@link AccessControl#ruleFor} themselves.
     */
    public <T> T withIndex(java.util.function.Function<org.apache.lucene.search.IndexSearcher, T> work) {
        refreshIfStale();
        return engine.index().withSearcher(work);
    }

    /** Makes the index durable, recording how many messages the store held, for {@link #reconcile}. */
    public void flush() {
        // Never between a store commit and the index update that follows it: the count recorded here would claim
        // messages the index does not hold yet, and a crash right after would leave them unsearchable.
        flushing.lock();
        try {
            dirty.set(false);
            index.commit(Map.of(STORED_MESSAGES, Long.toString(store.messageCount())));
        } finally {
            flushing.unlock();
        }
    }

    public boolean dirty() {
        return dirty.get();
    }

    private void reindex(Collection<ThreadKey> keys) {
        reindex(keys, List.of(), Map.of());
    }

    /**
     * Re-indexes changed threads. A thread that the store holds only in this batch (a new thread, as in an import) is
     * built from the batch itself; the others are read back from the store.
     */
    private void reindex(Collection<ThreadKey> keys, List<Message> inserted,
                         Map<MessageId, List<StoredMessage.StoredReaction>> reactions) {
        if (keys.isEmpty()) {
            return;
        }
        Map<ThreadKey, List<StoredMessage>> fromBatch = store.wholeThreadsIn(keys, inserted, reactions);
        // Every stored message of these threads was just inserted, so the index cannot hold them yet.
        fromBatch.forEach((key, messages) -> index.add(ThreadDocument.of(key, messages), key.channel().workspace()));
        List<ThreadKey> rest = keys.stream().filter(k -> !fromBatch.containsKey(k)).toList();
        Map<ThreadKey, List<StoredMessage>> threads = store.threads(rest);
        for (ThreadKey key : rest) {
            List<StoredMessage> messages = threads.get(key);
            if (messages == null) {
                index.delete(key);
            } else {
                index.upsert(ThreadDocument.of(key, messages), key.channel().workspace());
            }
        }
        changed();
    }

    /** Changes become searchable at the next search (read-your-writes without a refresh per write). */
    private void changed() {
        dirty.set(true);
        stale.set(true);
    }

    private void refreshIfStale() {
        if (stale.compareAndSet(true, false)) {
            index.refresh();
        }
    }

    @Override
    public void close() {
        flush();
        index.close();
    }
}
