package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import java.util.Map;
import java.util.function.Function;

/**
 * The search port: where thread documents live and how they are searched. {@link SearchIndex} is the embedded Lucene
 * index (one per replica); an OpenSearch adapter is the other (one index shared by every replica). The index is
 * derived data: it follows the store's change log ({@link IndexFollowing}), which writes through these methods.
 *
 * <p>{@code version} is the change log position that produced a write. A backend shared by several replicas keeps
 * the write with the highest version, so any replica may apply any change, in any order, more than once.
 */
public interface SearchBackend extends AutoCloseable {
    /** The key under which {@link #commit} records the change log position the index has applied. */
    String POSITION = "change_position";

    void upsert(ThreadDocument thread, String workspace, long version);

    /** A thread known not to be in the index yet (it began in the batch being indexed): a backend may skip the delete. */
    default void add(ThreadDocument thread, String workspace, long version) {
        upsert(thread, workspace, version);
    }

    void delete(ThreadKey key, long version);

    /**
     * Hands the writes so far to the backend, so they outlive this process; called after each batch of changes,
     * before the follower moves its position past them. Throws when the backend cannot take them (the follower then
     * applies the same changes again later). The embedded index needs nothing here: its commit records the position.
     */
    default void sendWrites() {}

    void deleteChannel(ChannelId channel);

    /** Every thread whose channel id starts with the prefix, e.g. {@code slack:T123:} for a workspace. */
    void deleteChannelsStartingWith(String prefix);

    void deleteAll();

    /** Makes the writes so far visible to searches. */
    void refresh();

    /** Makes the writes so far durable, recording {@code data} ({@link #POSITION}, the change position applied). */
    void commit(Map<String, String> data);

    /** What the last {@link #commit} recorded; empty for an index that was never committed (or cannot be read). */
    Map<String, String> committedData();

    /** After a bulk import: fewer, larger segments for faster questions. */
    void mergeDown();

    /** True when another process writes this index and this one only searches it. */
    boolean readOnly();

    /** Runs {@code work} on one point-in-time view, so statistics and searches agree. */
    <T> T withView(Function<IndexView, T> work);

    /** Whether searches can reach the index now (a remote backend answers); the embedded index always can. */
    default boolean reachable() {
        return true;
    }

    /** For logs and the status: {@code lucene} or {@code opensearch}. */
    String name();

    @Override
    void close();
}
