package dev.copbot.core.discussion;

import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Past discussions: every message event lands in the store first (the source of truth), which logs what changed; the
 * index follows that log ({@link IndexFollowing}), here at once for this process's own writes and on every replica
 * within moments ({@link IndexFollower}). Deletions leave tombstones; removing a channel or a workspace purges both.
 */
public final class Discussions implements Feature, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Discussions.class);

    private final MessageStore store;
    private final SearchBackend index;
    private final SearchEngine engine;
    private final AccessControl access;
    private final Clock clock;
    private final IndexFollowing following;

    public Discussions(MessageStore store, SearchBackend index, Ranking ranking, AccessControl access, Clock clock) {
        this.store = store;
        this.index = index;
        this.engine = new SearchEngine(index, ranking);
        this.access = access;
        this.clock = clock;
        this.following = new IndexFollowing(store, index, access);
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

    /**
     * Brings the index opened at start up to the store: replays the change log from the position the index recorded,
     * or rebuilds it (saying why) when it is new, from before the change log, or too far behind.
     */
    public void reconcile() {
        following.reconcile();
    }

    /** Re-creates the whole index from the store; returns the number of threads indexed. */
    public long rebuild() {
        long threads = following.rebuild();
        log.info("search index rebuilt: {} threads", threads);
        return threads;
    }

    /** Applies what any process committed since the last call, and makes it searchable; returns how many changes. */
    public long catchUp() {
        long n = following.catchUp();
        following.refreshIfStale();
        return n;
    }

    /** The change log position the index has applied. */
    public long position() {
        return following.position();
    }

    /** Changes applied since start, replays included; and full rebuilds since start. For tests and benchmarks. */
    public long changesApplied() {
        return following.changesApplied();
    }

    public long rebuilds() {
        return following.rebuilds();
    }

    /**
     * This process writes the store only and leaves the index to the process that holds it (an import beside a
     * running bot): the running bot applies the change log.
     */
    public void writeStoreOnly() {
        following.stop();
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
        var db = store.database();
        boolean outermost = !db.inTransaction();
        try {
            return db.transaction(c -> {
                Map<ChannelId, Boolean> indexable = new HashMap<>();
                Map<ChannelId, Channel> channels = new LinkedHashMap<>();
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
                Ingested done = new Ingested(kept.size(), inserted, edited, reacted);
                if (outermost && !inserted.isEmpty()) {
                    // Registered after the change log's own hook: runs once the positions (and their lock) are taken.
                    db.beforeCommit(() -> following.hint(wholeThreads(done)));
                }
                return done;
            });
        } finally {
            if (outermost) {
                following.clearHints();
            }
        }
    }

    /** The threads that began in this batch, built from it, with the reactions the batch gave their messages. */
    private Map<ThreadKey, List<StoredMessage>> wholeThreads(Ingested done) {
        Set<ThreadKey> fresh = new LinkedHashSet<>();
        Set<MessageId> freshIds = new HashSet<>();
        for (Message m : done.inserted()) {
            fresh.add(new ThreadKey(m.channel(), m.threadRoot().id()));
            freshIds.add(m.id());
        }
        Map<MessageId, List<StoredMessage.StoredReaction>> reactions = new HashMap<>();
        for (Reaction r : done.reacted()) {
            if (freshIds.contains(r.message())) {
                reactions.computeIfAbsent(r.message(), k -> new ArrayList<>())
                        .add(new StoredMessage.StoredReaction(r.user(), r.emoji()));
            }
        }
        return store.wholeThreadsIn(fresh, done.inserted(), reactions);
    }

    // Each write below logs its change; the index applies it before the call returns (IndexFollowing).

    public void edited(Inbound.MessageEdited e) {
        store.edit(e.message(), e.newText(), e.editedAt());
    }

    public void deleted(Inbound.MessageDeleted e) {
        store.delete(e.message(), e.deletedAt());
    }

    public void reacted(Reaction r, Instant at, boolean added) {
        store.react(r, at, added);
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
        log.info("purged channel {} from the store and the index", channel);
    }

    public void workspaceRemoved(Platform platform, String scope, Instant at) {
        store.purgeWorkspace(platform, scope, at);
        log.info("purged workspace {}:{} from the store and the index", platform.key(), scope);
    }

    public Optional<String> lastMessageId(ChannelId channel) {
        return store.lastMessageId(channel);
    }

    /** Searches as {@code asker}: only threads they may read count, in results, totals and later pages. */
    public SearchEngine.Results search(UserId asker, SearchRequest request, int offset, int limit) {
        following.refreshIfStale();
        return engine.search(request, access.ruleFor(asker), offset, limit, true);
    }

    /** How many committed store changes this replica's index has not applied yet (for /metrics). */
    public long changesBehind() {
        return following.behind();
    }

    /**
     * Runs {@code work} on a fresh point-in-time view of the thread index, for readers with queries of their own (the
     * expert ranking). Read-only: callers must apply {@link AccessControl#ruleFor} themselves.
     */
    public <T> T withIndex(Function<IndexView, T> work) {
        following.refreshIfStale();
        return engine.index().withView(work);
    }

    /** Makes the index durable, with the change log position it has applied, where the next start resumes. */
    public void flush() {
        following.flush();
    }

    /**
     * After a bulk import: merges the index's segments into one (questions ran markedly faster on a merged index,
     * issue 21) and commits. Takes a while on a large index; searches go on meanwhile.
     */
    public void compactIndex() {
        following.compact();
    }

    public boolean dirty() {
        return following.dirty();
    }

    @Override
    public void close() {
        following.close();
        try {
            flush();
        } catch (RuntimeException e) {
            // A remote backend that is down: the store keeps every change, and the next start replays them.
            log.warn("closing without saving the search index's position ({}); the next start replays the changes "
                    + "after the last saved one", e.getMessage());
        }
        index.close();
    }
}
