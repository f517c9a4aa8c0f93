package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
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
public final class Discussions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Discussions.class);
    static final String STORED_MESSAGES = "stored_messages";

    private final MessageStore store;
    private final SearchIndex index;
    private final SearchEngine engine;
    private final AccessControl access;
    private final Clock clock;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean stale = new AtomicBoolean();

    public Discussions(MessageStore store, SearchIndex index, Ranking ranking, AccessControl access, Clock clock) {
        this.store = store;
        this.index = index;
        this.engine = new SearchEngine(index, ranking);
        this.access = access;
        this.clock = clock;
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
                index.upsert(ThreadDocument.of(key, messages), AccessControl.workspace(key.channel()));
                threads[0]++;
            });
        });
        flush();
        changed();
        log.info("search index rebuilt: {} threads", threads[0]);
        return threads[0];
    }

    /** A message from a platform, a backfill or an import. Ignored outside indexed channels. */
    public void posted(Inbound.MessagePosted event) {
        postedAll(List.of(event));
    }

    /** Many messages at once (imports, backfills): one store transaction, each changed thread indexed once. */
    public int postedAll(List<Inbound.MessagePosted> events) {
        Map<ChannelId, Boolean> indexable = new java.util.HashMap<>();
        List<Message> kept = new ArrayList<>();
        Map<ChannelId, dev.copbot.core.platform.Channel> channels = new java.util.LinkedHashMap<>();
        events.forEach(e -> channels.put(e.channel().id(), e.channel()));
        channels.values().forEach(c -> store.upsertChannel(c, clock.instant()));
        for (Inbound.MessagePosted e : events) {
            if (indexable.computeIfAbsent(e.channel().id(), store::indexable)) {
                kept.add(e.message());
            }
        }
        Set<ThreadKey> changed = store.saveAll(kept);
        reindex(changed, kept);
        return kept.size();
    }

    public void edited(Inbound.MessageEdited e) {
        store.edit(e.message(), e.newText(), e.editedAt()).ifPresent(k -> reindex(List.of(k)));
    }

    public void deleted(Inbound.MessageDeleted e) {
        store.delete(e.message(), e.deletedAt()).ifPresent(k -> reindex(List.of(k)));
    }

    public void reacted(dev.copbot.core.platform.Reaction r, Instant at, boolean added) {
        store.react(r, at, added).ifPresent(k -> reindex(List.of(k)));
    }

    public void memberJoined(ChannelId channel, UserId user) {
        store.memberJoined(channel, user);
        access.forget(user, channel);
    }

    public void memberLeft(ChannelId channel, UserId user) {
        store.memberLeft(channel, user);
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
        index.deleteChannelsStartingWith(MessageStore.scopePrefix(platform, scope));
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

    /** Makes the index durable, recording how many messages the store held, for {@link #reconcile}. */
    public void flush() {
        dirty.set(false);
        index.commit(Map.of(STORED_MESSAGES, Long.toString(store.messageCount())));
    }

    public boolean dirty() {
        return dirty.get();
    }

    private void reindex(Collection<ThreadKey> keys) {
        reindex(keys, List.of());
    }

    /**
     * Re-indexes changed threads. A thread that the store holds only in this batch (a new thread, as in an import) is
     * built from the batch itself; the others are read back from the store.
     */
    private void reindex(Collection<ThreadKey> keys, List<Message> batch) {
        if (keys.isEmpty()) {
            return;
        }
        Map<ThreadKey, List<StoredMessage>> fromBatch = store.wholeThreadsIn(keys, batch);
        // Every stored message of these threads was just inserted, so the index cannot hold them yet.
        fromBatch.forEach((key, messages) -> index.add(ThreadDocument.of(key, messages), AccessControl.workspace(key.channel())));
        List<ThreadKey> rest = keys.stream().filter(k -> !fromBatch.containsKey(k)).toList();
        Map<ThreadKey, List<StoredMessage>> threads = store.threads(rest);
        for (ThreadKey key : rest) {
            List<StoredMessage> messages = threads.get(key);
            if (messages == null) {
                index.delete(key);
            } else {
                index.upsert(ThreadDocument.of(key, messages), AccessControl.workspace(key.channel()));
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
