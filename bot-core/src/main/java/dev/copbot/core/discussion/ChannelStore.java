package dev.copbot.core.discussion;

import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The channels messages come from: name and visibility as the platform reports them, and whether they are indexed. */
public final class ChannelStore {
    private final Database db;

    ChannelStore(Database db) {
        this.db = db;
    }

    /** Records (or refreshes) a channel's name and visibility as the platform reports them. */
    public void upsert(Channel channel, Instant at) {
        db.update("""
                INSERT INTO channels (id, name, visibility, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, visibility = excluded.visibility,
                    updated_at = excluded.updated_at""",
                channel.id().toString(), channel.name(), channel.visibility().name(), at.toEpochMilli());
    }

    public void setIndexed(ChannelId channel, boolean indexed) {
        db.transaction(() -> {
            if (db.update("UPDATE channels SET indexed = ? WHERE id = ? AND indexed <> ?", indexed ? 1 : 0,
                    channel.toString(), indexed ? 1 : 0) > 0) {
                IndexChanges.channel(db.changes(), channel);
            }
        });
    }

    /**
     * Whether messages of this channel are kept and searchable: it belongs to a community (an archived one keeps
     * its history, and its channel may still see replies to old threads) or an admin enabled it.
     */
    public boolean indexable(ChannelId channel) {
        return db.count("""
                SELECT COUNT(*) FROM channels ch WHERE ch.id = ? AND (ch.indexed = 1 OR EXISTS (
                    SELECT 1 FROM community_channels cc WHERE cc.channel_id = ch.id))""", channel.toString()) > 0;
    }

    public Optional<Channel> find(ChannelId id) {
        return db.queryOne("SELECT name, visibility FROM channels WHERE id = ?",
                rs -> new Channel(id, rs.getString(1), Visibility.valueOf(rs.getString(2))), id.toString());
    }

    /** Channels of a workspace by name, for {@code in:#name}. */
    public List<Channel> named(UserId sameScopeAs, String name) {
        String prefix = sameScopeAs.idPrefix();
        return db.query("SELECT id, visibility FROM channels WHERE SUBSTR(id, 1, ?) = ? AND LOWER(name) = LOWER(?)",
                rs -> new Channel(ChannelId.parse(rs.getString(1)), name, Visibility.valueOf(rs.getString(2))),
                prefix.length(), prefix, name);
    }

    /** The channels of a workspace that only their members may read and that hold messages. */
    public List<ChannelId> restrictedWithMessages(Platform platform, String scope) {
        String prefix = platform.idPrefix(scope);
        return db.query("""
                SELECT ch.id FROM channels ch WHERE SUBSTR(ch.id, 1, ?) = ? AND ch.visibility <> 'PUBLIC'
                AND EXISTS (SELECT 1 FROM messages m WHERE m.channel_id = ch.id)""",
                rs -> ChannelId.parse(rs.getString(1)), prefix.length(), prefix);
    }

    /** The id prefixes of the workspaces (and servers) the store knows channels of. */
    public List<String> workspacePrefixes() {
        return db.query("SELECT id FROM channels", rs -> ChannelId.parse(rs.getString(1))).stream()
                .map(c -> c.platform().idPrefix(c.scope())).distinct().toList();
    }
}
