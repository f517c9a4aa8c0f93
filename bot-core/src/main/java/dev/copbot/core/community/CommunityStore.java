package dev.copbot.core.community;

import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Communities, their channels, members and roles, in the store. Callers group writes in a transaction. */
public final class CommunityStore {
    private static final String COLUMNS = "name, purpose, scope, cadence, how_to_ask, created_by, created_at, archived_at";

    private final Database db;

    public CommunityStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    public Optional<Community> find(String name) {
        return db.queryOne("SELECT " + COLUMNS + " FROM communities WHERE name = ?", CommunityStore::community, name);
    }

    public List<Community> all(boolean includeArchived) {
        return db.query("SELECT " + COLUMNS + " FROM communities"
                + (includeArchived ? "" : " WHERE archived_at IS NULL") + " ORDER BY name", CommunityStore::community);
    }

    public List<String> names() {
        return db.query("SELECT name FROM communities ORDER BY name", rs -> rs.getString(1));
    }

    public void create(String name, Optional<String> purpose, UserId creator, Instant at) {
        db.update("INSERT INTO communities (name, purpose, created_by, created_at) VALUES (?, ?, ?, ?)",
                name, purpose.orElse(null), creator.toString(), at.toEpochMilli());
    }

    /** Sets charter fields; setting any counts as reviewing the charter (the yearly review starts again). */
    public void setCharter(String name, Map<CharterField, String> values, Instant at) {
        values.forEach((field, value) ->
                db.update("UPDATE communities SET " + field.column() + " = ? WHERE name = ?", value, name));
        db.update("UPDATE communities SET charter_reviewed_at = ? WHERE name = ?", at.toEpochMilli(), name);
    }

    public void archive(String name, Instant at) {
        db.update("UPDATE communities SET archived_at = ? WHERE name = ?", at.toEpochMilli(), name);
    }

    public void addChannel(String name, Channel channel, Instant at) {
        db.update("""
                INSERT INTO channels (id, name, visibility, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at""",
                channel.id().toString(), channel.name(), channel.visibility().name(), at.toEpochMilli());
        db.update("INSERT INTO community_channels (community, channel_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                name, channel.id().toString(), at.toEpochMilli());
    }

    public List<Channel> channels(String name) {
        return db.query("""
                SELECT ch.id, ch.name, ch.visibility FROM community_channels cc JOIN channels ch ON ch.id = cc.channel_id
                WHERE cc.community = ? ORDER BY ch.name""",
                rs -> new Channel(ChannelId.parse(rs.getString(1)), rs.getString(2), Visibility.valueOf(rs.getString(3))),
                name);
    }

    /** The live communities a channel belongs to. */
    public List<String> communitiesOfChannel(ChannelId channel) {
        return db.query("""
                SELECT c.name FROM community_channels cc JOIN communities c ON c.name = cc.community
                WHERE cc.channel_id = ? AND c.archived_at IS NULL ORDER BY c.name""", rs -> rs.getString(1),
                channel.toString());
    }

    /** Every community a channel belongs to, archived ones included (their history stays searchable). */
    public List<String> communitiesOfChannelIncludingArchived(ChannelId channel) {
        return db.query("SELECT community FROM community_channels WHERE channel_id = ? ORDER BY community",
                rs -> rs.getString(1), channel.toString());
    }

    /** True when the user was not a member before. */
    public boolean join(String name, UserId user, Instant at) {
        return db.update("INSERT INTO memberships (community, user_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                name, user.toString(), at.toEpochMilli()) == 1;
    }

    /**
     * Everyone the store lists in the channel joins the community (joining a community's channel is joining it), as
     * of their first message there, else {@code at}: imported history keeps who was there and since when.
     */
    public int joinChannelMembers(String name, ChannelId channel, Instant at) {
        return db.update("""
                INSERT INTO memberships (community, user_id, joined_at)
                SELECT ?, cm.user_id, COALESCE((SELECT MIN(m.posted_at) FROM messages m
                                                WHERE m.channel_id = cm.channel_id AND m.author = cm.user_id), ?)
                FROM channel_members cm WHERE cm.channel_id = ?
                ON CONFLICT DO NOTHING""", name, at.toEpochMilli(), channel.toString());
    }

    /** True when the user was a member. Roles are separate: a KM admin may lead without taking part. */
    public boolean leave(String name, UserId user) {
        return db.update("DELETE FROM memberships WHERE community = ? AND user_id = ?", name, user.toString()) == 1;
    }

    public boolean isMember(String name, UserId user) {
        return db.count("SELECT COUNT(*) FROM memberships WHERE community = ? AND user_id = ?", name, user.toString()) > 0;
    }

    public long memberCount(String name) {
        return db.count("SELECT COUNT(*) FROM memberships WHERE community = ?", name);
    }

    public List<UserId> members(String name) {
        return db.query("SELECT user_id FROM memberships WHERE community = ? ORDER BY joined_at, user_id",
                rs -> UserId.parse(rs.getString(1)), name);
    }

    /** Members who joined before {@code at} (and have not left). */
    public List<UserId> membersJoinedBefore(String name, Instant at) {
        return db.query("SELECT user_id FROM memberships WHERE community = ? AND joined_at < ? ORDER BY joined_at, user_id",
                rs -> UserId.parse(rs.getString(1)), name, at.toEpochMilli());
    }

    /** Members who joined in {@code [from, to)}, earliest first. */
    public List<UserId> membersJoinedBetween(String name, Instant from, Instant to) {
        return db.query("SELECT user_id FROM memberships WHERE community = ? AND joined_at >= ? AND joined_at < ? "
                + "ORDER BY joined_at, user_id", rs -> UserId.parse(rs.getString(1)), name, from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** The live communities a user belongs to. */
    public List<String> communitiesOf(UserId user) {
        return db.query("""
                SELECT c.name FROM memberships m JOIN communities c ON c.name = m.community
                WHERE m.user_id = ? AND c.archived_at IS NULL ORDER BY c.name""", rs -> rs.getString(1), user.toString());
    }

    /** True when the role is new. */
    public boolean grant(String name, UserId user, Role role, UserId by, Instant at) {
        return db.update("""
                INSERT INTO community_roles (community, user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", name, user.toString(), role.name(), by.toString(), at.toEpochMilli()) == 1;
    }

    /** True when the user had the role. */
    public boolean revoke(String name, UserId user, Role role) {
        return db.update("DELETE FROM community_roles WHERE community = ? AND user_id = ? AND role = ?",
                name, user.toString(), role.name()) == 1;
    }

    public boolean hasRole(String name, UserId user, Role role) {
        return db.count("SELECT COUNT(*) FROM community_roles WHERE community = ? AND user_id = ? AND role = ?",
                name, user.toString(), role.name()) > 0;
    }

    public List<UserId> withRole(String name, Role role) {
        return db.query("SELECT user_id FROM community_roles WHERE community = ? AND role = ? ORDER BY granted_at, user_id",
                rs -> UserId.parse(rs.getString(1)), name, role.name());
    }

    public Map<Role, List<UserId>> roles(String name) {
        Map<Role, List<UserId>> out = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            List<UserId> holders = withRole(name, role);
            if (!holders.isEmpty()) {
                out.put(role, holders);
            }
        }
        return out;
    }

    private static Community community(ResultSet rs) throws SQLException {
        long archived = rs.getLong("archived_at");
        Optional<Instant> archivedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(archived));
        return new Community(rs.getString("name"), Optional.ofNullable(rs.getString("purpose")),
                Optional.ofNullable(rs.getString("scope")), Optional.ofNullable(rs.getString("cadence")),
                Optional.ofNullable(rs.getString("how_to_ask")), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")), archivedAt);
    }
}
