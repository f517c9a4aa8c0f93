package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.ChangeLog;

/**
 * The changes the discussion stores log for the search index to follow ({@link IndexFollowing} applies them; the
 * expert ledger reads them too). A thread entry names the thread only: whoever applies it reads the thread as the
 * store holds it then, so applying an entry twice, or late, gives the same index.
 */
public final class IndexChanges {
    /** A message of the thread was posted, edited, deleted or reacted to. */
    public static final String THREAD = "thread";
    /** Everything of the channel was removed. */
    public static final String CHANNEL_PURGED = "channel-purged";
    /** Everything of the workspace (target: its channel id prefix) was removed. */
    public static final String WORKSPACE_PURGED = "workspace-purged";
    /** Someone joined or left a channel (detail: the user): cached access answers are forgotten. */
    public static final String MEMBER = "member";
    /** A channel was enabled or disabled for indexing: its cached visibility is forgotten. */
    public static final String CHANNEL = "channel";

    private IndexChanges() {}

    static void thread(ChangeLog log, ThreadKey key) {
        log.record(THREAD, key.asString(), "");
    }

    static void channelPurged(ChangeLog log, ChannelId channel) {
        log.record(CHANNEL_PURGED, channel.toString(), "");
    }

    static void workspacePurged(ChangeLog log, String prefix) {
        log.record(WORKSPACE_PURGED, prefix, "");
    }

    static void member(ChangeLog log, ChannelId channel, UserId user) {
        log.record(MEMBER, channel.toString(), user.toString());
    }

    static void channel(ChangeLog log, ChannelId channel) {
        log.record(CHANNEL, channel.toString(), "");
    }
}
