package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;

/**
 * Channel membership as the platform last reported it (joins, leaves, an import's member lists): who may read a
 * restricted channel when the platform cannot be asked.
 */
public final class ChannelMembers {
    private final Database db;

    ChannelMembers(Database db) {
        this.db = db;
    }

    /** Logged only when it changes something, so an import listing the same members again logs nothing. */
    public void joined(ChannelId channel, UserId user) {
        db.transaction(() -> {
            if (db.update("INSERT INTO channel_members (channel_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    channel.toString(), user.toString()) > 0) {
                IndexChanges.member(db.changes(), channel, user);
            }
        });
    }

    public void left(ChannelId channel, UserId user) {
        db.transaction(() -> {
            if (db.update("DELETE FROM channel_members WHERE channel_id = ? AND user_id = ?", channel.toString(),
                    user.toString()) > 0) {
                IndexChanges.member(db.changes(), channel, user);
            }
        });
    }

    public boolean contains(ChannelId channel, UserId user) {
        return db.count("SELECT COUNT(*) FROM channel_members WHERE channel_id = ? AND user_id = ?",
                channel.toString(), user.toString()) > 0;
    }
}
