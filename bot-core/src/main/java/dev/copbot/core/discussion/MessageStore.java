package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Messages, reactions and tombstones: the source of truth the search index is built from. Channels and their members
 * are kept beside it ({@link #channels()}, {@link #members()}); purging a channel or workspace clears all three.
 * Every write logs what it changed in the store's change log, in its own transaction ({@link IndexChanges}), which is
 * how every replica's index learns of it.
 */
public final class MessageStore {
    /** Bind variables per query: well under SQLite's and PostgreSQL's limits. */
    private static final int IN_LIMIT = 500;

    private final Database db;
    private final ChannelStore channels;
    private final ChannelMembers members;

    public MessageStore(Database db) {
        this.db = db;
        this.channels = new ChannelStore(db);
        this.members = new ChannelMembers(db);
    }

    /** The channels messages live in: names, visibility, whether they are indexed. */
    public ChannelStore channels() {
        return channels;
    }

    /** Who is in which channel, as the platform last told us: the access rule for restricted channels. */
    public ChannelMembers members() {
        return members;
    }

    public Database database() {
        return db;
    }

    /**
     * Stores new messages in one transaction, skipping tombstoned and already stored ones; returns the threads that
     * changed. Callers check {@link #indexable} first.
     */
    public Set<ThreadKey> saveAll(List<Message> messages) {
        Set<ThreadKey> changed = new LinkedHashSet<>();
        insertAll(messages).forEach(m -> changed.add(new ThreadKey(m.channel(), m.threadRoot().id())));
        return changed;
    }

    /** Like {@link #saveAll}, but returns the messages actually written (not stored before, not tombstoned). */
    public List<Message> insertAll(List<Message> messages) {
        List<Message> inserted = new ArrayList<>();
        if (messages.isEmpty()) {
            return inserted;
        }
        db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO messages (channel_id, message_id, thread_root, author, text, posted_at)
                    SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (
                        SELECT 1 FROM message_tombstones t WHERE t.channel_id = ? AND t.message_id = ?)
                    ON CONFLICT (channel_id, message_id) DO NOTHING""")) {
                for (Message m : messages) {
                    String channel = m.channel().toString();
                    insert.setString(1, channel);
                    insert.setString(2, m.id().id());
                    insert.setString(3, m.threadRoot().id());
                    insert.setString(4, m.author().toString());
                    insert.setString(5, m.text());
                    insert.setLong(6, m.postedAt().toEpochMilli());
                    insert.setString(7, channel);
                    insert.setString(8, m.id().id());
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) { // SUCCESS_NO_INFO (-2) counts as written
                        Message m = messages.get(i);
                        inserted.add(m);
                        IndexChanges.thread(db.changes(), new ThreadKey(m.channel(), m.threadRoot().id()));
                    }
                }
            }
            return null;
        });
        return inserted;
    }

    /**
     * Applies edits found in an export, in one batch: an edit counts when it is newer than the stored one (or as old
     * but with other text), so importing the same export twice changes nothing. Returns the messages changed.
     */
    public List<MessageId> editAll(List<Inbound.MessageEdited> edits) {
        List<MessageId> changed = new ArrayList<>();
        if (edits.isEmpty()) {
            return changed;
        }
        db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE messages SET text = ?, edited_at = ? WHERE channel_id = ? AND message_id = ?
                    AND (edited_at IS NULL OR edited_at < ? OR (edited_at = ? AND text <> ?))""")) {
                for (Inbound.MessageEdited e : edits) {
                    long at = e.editedAt().toEpochMilli();
                    update.setString(1, e.newText());
                    update.setLong(2, at);
                    update.setString(3, e.message().channel().toString());
                    update.setString(4, e.message().id());
                    update.setLong(5, at);
                    update.setLong(6, at);
                    update.setString(7, e.newText());
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        changed.add(edits.get(i).message());
                    }
                }
                logThreadsOf(changed);
            }
            return null;
        });
        return changed;
    }

    /** Adds many reactions in one batch, to stored messages only; returns the reactions that were new. */
    public List<Reaction> reactAll(List<Inbound.ReactionAdded> reactions) {
        List<Reaction> added = new ArrayList<>();
        if (reactions.isEmpty()) {
            return added;
        }
        db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO reactions (channel_id, message_id, user_id, emoji, reacted_at)
                    SELECT ?, ?, ?, ?, ? WHERE EXISTS (
                        SELECT 1 FROM messages m WHERE m.channel_id = ? AND m.message_id = ?)
                    ON CONFLICT DO NOTHING""")) {
                for (Inbound.ReactionAdded r : reactions) {
                    String channel = r.reaction().message().channel().toString();
                    String message = r.reaction().message().id();
                    insert.setString(1, channel);
                    insert.setString(2, message);
                    insert.setString(3, r.reaction().user().toString());
                    insert.setString(4, r.reaction().emoji());
                    insert.setLong(5, r.at().toEpochMilli());
                    insert.setString(6, channel);
                    insert.setString(7, message);
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        added.add(reactions.get(i).reaction());
                    }
                }
                logThreadsOf(added.stream().map(Reaction::message).distinct().toList());
            }
            return null;
        });
        return added;
    }

    private void logThreadsOf(List<MessageId> messages) {
        for (MessageId id : messages) {
            threadOf(id).ifPresent(k -> IndexChanges.thread(db.changes(), k));
        }
    }

    /** Applies an edit; empty when the message is unknown or deleted (a late edit never resurrects it). */
    public Optional<ThreadKey> edit(MessageId id, String text, Instant at) {
        return db.transaction(c -> {
            int n = db.update("UPDATE messages SET text = ?, edited_at = ? WHERE channel_id = ? AND message_id = ?"
                    + " AND (edited_at IS NULL OR edited_at <= ?)", text, at.toEpochMilli(), id.channel().toString(), id.id(),
                    at.toEpochMilli());
            Optional<ThreadKey> thread = n == 0 ? Optional.<ThreadKey>empty() : threadOf(id);
            thread.ifPresent(k -> IndexChanges.thread(db.changes(), k));
            return thread;
        });
    }

    /**
     * Deletes a message's text and reactions and leaves a tombstone. Deleting a root deletes its whole thread, as
     * the platforms show it. Returns the thread that changed.
     */
    public Optional<ThreadKey> delete(MessageId id, Instant at) {
        return db.transaction(c -> {
            Optional<ThreadKey> thread = threadOf(id);
            String channel = id.channel().toString();
            db.update("INSERT INTO message_tombstones (channel_id, message_id, deleted_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", channel, id.id(), at.toEpochMilli());
            db.update("DELETE FROM reactions WHERE channel_id = ? AND message_id = ?", channel, id.id());
            db.update("DELETE FROM messages WHERE channel_id = ? AND message_id = ?", channel, id.id());
            thread.ifPresent(k -> IndexChanges.thread(db.changes(), k));
            return thread;
        });
    }

    public Optional<ThreadKey> react(Reaction r, Instant at, boolean added) {
        return db.transaction(c -> {
            Optional<ThreadKey> thread = threadOf(r.message());
            if (thread.isEmpty()) {
                return thread;
            }
            String channel = r.message().channel().toString();
            int n;
            if (added) {
                n = db.update("INSERT INTO reactions (channel_id, message_id, user_id, emoji, reacted_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", channel, r.message().id(), r.user().toString(), r.emoji(), at.toEpochMilli());
            } else {
                n = db.update("DELETE FROM reactions WHERE channel_id = ? AND message_id = ? AND user_id = ? AND emoji = ?",
                        channel, r.message().id(), r.user().toString(), r.emoji());
            }
            if (n > 0) {
                IndexChanges.thread(db.changes(), thread.get());
            }
            return thread;
        });
    }

    /** Who wrote a stored message. */
    public Optional<UserId> authorOf(MessageId id) {
        return db.queryOne("SELECT author FROM messages WHERE channel_id = ? AND message_id = ?",
                rs -> UserId.parse(rs.getString(1)), id.channel().toString(), id.id());
    }

    public Optional<ThreadKey> threadOf(MessageId id) {
        return db.queryOne("SELECT thread_root FROM messages WHERE channel_id = ? AND message_id = ?",
                rs -> new ThreadKey(id.channel(), rs.getString(1)), id.channel().toString(), id.id());
    }

    /** The thread's messages, oldest first, with their reactions. */
    public List<StoredMessage> thread(ThreadKey key) {
        return threads(List.of(key)).getOrDefault(key, List.of());
    }

    /** Several threads at once (for batch indexing, and the threads an expert ranking weighs): two queries a channel. */
    public Map<ThreadKey, List<StoredMessage>> threads(List<ThreadKey> keys) {
        Map<ChannelId, List<String>> rootsByChannel = new LinkedHashMap<>();
        keys.forEach(k -> rootsByChannel.computeIfAbsent(k.channel(), c -> new ArrayList<>()).add(k.root()));
        Map<ThreadKey, List<StoredMessage>> out = new HashMap<>();
        rootsByChannel.forEach((channel, allRoots) -> {
            for (int from = 0; from < allRoots.size(); from += IN_LIMIT) {
                List<String> roots = allRoots.subList(from, Math.min(allRoots.size(), from + IN_LIMIT));
                readThreads(channel, roots, out);
            }
        });
        return out;
    }

    private void readThreads(ChannelId channel, List<String> roots, Map<ThreadKey, List<StoredMessage>> out) {
        String in = String.join(",", Collections.nCopies(roots.size(), "?"));
        Object[] params = new Object[roots.size() + 1];
        params[0] = channel.toString();
        for (int i = 0; i < roots.size(); i++) {
            params[i + 1] = roots.get(i);
        }
        Object[] twice = new Object[params.length + 1];
        twice[0] = params[0];
        System.arraycopy(params, 0, twice, 1, params.length);
        Map<String, List<StoredMessage.StoredReaction>> reactions = new HashMap<>();
        // Driven by the threads' messages: a join let SQLite walk every reaction of the channel (56 ms, not 1 ms, at 1M).
        db.query("""
                SELECT message_id, user_id, emoji FROM reactions WHERE channel_id = ? AND message_id IN
                  (SELECT message_id FROM messages WHERE channel_id = ? AND thread_root IN (%s))
                ORDER BY reacted_at""".formatted(in), rs -> {
            reactions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new StoredMessage.StoredReaction(UserId.parse(rs.getString(2)), rs.getString(3)));
            return null;
        }, twice);
        db.query("""
                SELECT message_id, thread_root, author, text, posted_at FROM messages
                WHERE channel_id = ? AND thread_root IN (%s) ORDER BY thread_root, posted_at, message_id""".formatted(in),
                rs -> out.computeIfAbsent(new ThreadKey(channel, rs.getString(2)), k -> new ArrayList<>())
                        .add(new StoredMessage(new MessageId(channel, rs.getString(1)), rs.getString(2),
                                UserId.parse(rs.getString(3)), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                                reactions.getOrDefault(rs.getString(1), List.of()))), params);
    }

    /**
     * The threads among {@code keys} whose stored messages are exactly the ones of {@code batch} (the thread began in
     * this batch), as stored messages without reactions, so they need not be read back. One query per channel.
     */
    public Map<ThreadKey, List<StoredMessage>> wholeThreadsIn(Collection<ThreadKey> keys, List<Message> batch) {
        return wholeThreadsIn(keys, batch, Map.of());
    }

    /**
     * The same, with the reactions the batch gave to its messages ({@code batch} must be messages just inserted: their
     * reactions can only come from the same batch).
     */
    public Map<ThreadKey, List<StoredMessage>> wholeThreadsIn(Collection<ThreadKey> keys, List<Message> batch,
                                                             Map<MessageId, List<StoredMessage.StoredReaction>> reactions) {
        Map<ThreadKey, List<StoredMessage>> grouped = new HashMap<>();
        for (Message m : batch) {
            ThreadKey key = new ThreadKey(m.channel(), m.threadRoot().id());
            if (keys.contains(key)) {
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(new StoredMessage(m.id(), key.root(), m.author(),
                        m.text(), m.postedAt(), reactions.getOrDefault(m.id(), List.of())));
            }
        }
        Map<ChannelId, List<ThreadKey>> byChannel = new HashMap<>();
        grouped.keySet().forEach(k -> byChannel.computeIfAbsent(k.channel(), c -> new ArrayList<>()).add(k));
        Map<ThreadKey, List<StoredMessage>> whole = new HashMap<>();
        for (var e : byChannel.entrySet()) {
            List<ThreadKey> threads = e.getValue();
            for (int from = 0; from < threads.size(); from += 500) {
                List<ThreadKey> part = threads.subList(from, Math.min(threads.size(), from + 500));
                String marks = String.join(",", Collections.nCopies(part.size(), "?"));
                Object[] params = new Object[part.size() + 1];
                params[0] = e.getKey().toString();
                for (int i = 0; i < part.size(); i++) {
                    params[i + 1] = part.get(i).root();
                }
                Map<String, Long> counts = new HashMap<>();
                db.query("SELECT thread_root, COUNT(*) FROM messages WHERE channel_id = ? AND thread_root IN (" + marks
                        + ") GROUP BY thread_root", rs -> counts.put(rs.getString(1), rs.getLong(2)), params);
                for (ThreadKey k : part) {
                    List<StoredMessage> messages = grouped.get(k);
                    if (counts.getOrDefault(k.root(), -1L) == messages.size()) {
                        messages.sort(Comparator.comparing(StoredMessage::postedAt)
                                .thenComparing(m -> m.id().id()));
                        whole.put(k, messages);
                    }
                }
            }
        }
        return whole;
    }

    /** Every thread of the store, for a rebuild; {@code visitor} gets batches of keys. */
    public void forEachThread(int batch, Consumer<List<ThreadKey>> visitor) {
        List<ThreadKey> keys = db.query("SELECT DISTINCT channel_id, thread_root FROM messages ORDER BY channel_id, thread_root",
                rs -> new ThreadKey(ChannelId.parse(rs.getString(1)), rs.getString(2)));
        for (int i = 0; i < keys.size(); i += batch) {
            visitor.accept(keys.subList(i, Math.min(keys.size(), i + batch)));
        }
    }

    public long messageCount() {
        return db.count("SELECT COUNT(*) FROM messages");
    }

    public Optional<String> lastMessageId(ChannelId channel) {
        return db.queryOne("SELECT message_id FROM messages WHERE channel_id = ? ORDER BY posted_at DESC, message_id DESC"
                + " LIMIT 1", rs -> rs.getString(1), channel.toString());
    }

    /** Removes everything a channel held (messages, reactions, membership), leaving tombstones behind. */
    public void purgeChannel(ChannelId channel, Instant at) {
        db.transaction(() -> {
            String id = channel.toString();
            db.update("INSERT INTO message_tombstones (channel_id, message_id, deleted_at) "
                    + "SELECT channel_id, message_id, ? FROM messages WHERE channel_id = ? ON CONFLICT DO NOTHING",
                    at.toEpochMilli(), id);
            db.update("DELETE FROM reactions WHERE channel_id = ?", id);
            db.update("DELETE FROM messages WHERE channel_id = ?", id);
            db.update("DELETE FROM channel_members WHERE channel_id = ?", id);
            db.update("UPDATE channels SET indexed = 0 WHERE id = ?", id);
            IndexChanges.channelPurged(db.changes(), channel);
        });
    }

    /** Removes every message of a workspace or guild (the bot was removed from it). */
    public void purgeWorkspace(Platform platform, String scope, Instant at) {
        String prefix = platform.idPrefix(scope);
        db.transaction(() -> {
            for (String table : List.of("reactions", "messages", "channel_members")) {
                db.update("DELETE FROM " + table + " WHERE SUBSTR(channel_id, 1, ?) = ?", prefix.length(), prefix);
            }
            db.update("UPDATE channels SET indexed = 0 WHERE SUBSTR(id, 1, ?) = ?", prefix.length(), prefix);
            IndexChanges.workspacePurged(db.changes(), prefix);
        });
    }
}
