package dev.copbot.discord.fake;

import static dev.copbot.discord.fake.FakeDiscord.APP;
import static dev.copbot.discord.fake.FakeDiscord.EVERYONE_PERMISSIONS;
import static dev.copbot.discord.fake.FakeDiscord.FORUM;
import static dev.copbot.discord.fake.FakeDiscord.GENERAL;
import static dev.copbot.discord.fake.FakeDiscord.GUILD;
import static dev.copbot.discord.fake.FakeDiscord.JSON;
import static dev.copbot.discord.fake.FakeDiscord.SECRET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/** Gateway and REST payloads shaped as Discord sends them (API v10), trimmed to what a client reads. */
public final class Payloads {
    static final String JOINED = "2024-01-01T00:00:00.000000+00:00";

    private Payloads() {}

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** A fresh snowflake for this instant (Discord epoch 2015-01-01), as Discord mints for interactions and messages. */
    public static String snowflakeNow() {
        long ms = System.currentTimeMillis() - 1420070400000L;
        return Long.toUnsignedString((ms << 22) | (SEQUENCE.incrementAndGet() & 0xFFF));
    }

    public static ObjectNode user(String id, String name, boolean bot) {
        return JSON.createObjectNode().put("id", id).put("username", name).put("global_name", name)
                .put("discriminator", "0").putNull("avatar").put("bot", bot).put("public_flags", 0);
    }

    public static ObjectNode member(String id, String name, String... roles) {
        ObjectNode member = JSON.createObjectNode();
        member.set("user", user(id, name, id.equals(APP)));
        ArrayNode r = member.putArray("roles");
        for (String role : roles) {
            r.add(role);
        }
        return member.put("joined_at", JOINED).putNull("nick").put("deaf", false).put("mute", false).put("flags", 0)
                .put("pending", false);
    }

    static ObjectNode channel(String id, int type, String name, int position, JsonNode overwrites) {
        ObjectNode c = JSON.createObjectNode().put("id", id).put("type", type).put("name", name)
                .put("position", position).put("guild_id", GUILD).put("nsfw", false).putNull("parent_id");
        c.set("permission_overwrites", overwrites == null ? JSON.createArrayNode() : overwrites);
        if (type == 15) {
            c.putArray("available_tags");
            c.put("default_forum_layout", 0).put("default_sort_order", 0).put("flags", 0);
        }
        return c;
    }

    /** #general (everyone), #secret (hidden from @everyone), and a forum #help-forum. */
    public static ObjectNode guild() {
        ObjectNode g = JSON.createObjectNode().put("id", GUILD).put("name", "Fake Guild").put("owner_id", FakeDiscord.OWNER)
                .put("unavailable", false).put("member_count", 3).put("large", false).put("verification_level", 0)
                .put("default_message_notifications", 0).put("explicit_content_filter", 0).put("mfa_level", 0)
                .put("nsfw_level", 0).put("premium_tier", 0).put("preferred_locale", "en-US").put("joined_at", JOINED)
                .put("system_channel_flags", 0).put("afk_timeout", 300).putNull("icon").putNull("description");
        g.putArray("roles").add(JSON.createObjectNode().put("id", GUILD).put("name", "@everyone")
                .put("permissions", Long.toString(EVERYONE_PERMISSIONS)).put("position", 0).put("color", 0)
                .put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0)
                .set("colors", JSON.createObjectNode().put("primary_color", 0).putNull("secondary_color")
                        .putNull("tertiary_color")));
        ArrayNode hidden = JSON.createArrayNode();
        hidden.add(JSON.createObjectNode().put("id", GUILD).put("type", 0).put("allow", "0")
                .put("deny", Long.toString(1L << 10)));
        ArrayNode channels = g.putArray("channels");
        channels.add(channel(GENERAL, 0, "general", 0, null));
        channels.add(channel(SECRET, 0, "secret", 1, hidden));
        channels.add(channel(FORUM, 15, "help-forum", 2, null));
        g.putArray("threads");
        g.putArray("members").add(member(APP, "copbot"));
        for (String empty : new String[] {"emojis", "stickers", "voice_states", "presences", "features",
                "stage_instances", "guild_scheduled_events", "soundboard_sounds"}) {
            g.putArray(empty);
        }
        return g;
    }

    /** A message as MESSAGE_CREATE and the REST message routes send it. */
    public static ObjectNode message(String id, String channel, String authorId, String authorName, String content,
                                     boolean bot) {
        ObjectNode m = JSON.createObjectNode().put("id", id).put("channel_id", channel).put("guild_id", GUILD)
                .put("content", content).put("timestamp", "2026-11-23T10:00:00.000000+00:00").putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("pinned", false).put("type", 0).put("flags", 0);
        m.set("author", user(authorId, authorName, bot));
        if (!bot) {
            ObjectNode member = member(authorId, authorName);
            member.remove("user");
            m.set("member", member);
        }
        for (String empty : new String[] {"mentions", "mention_roles", "attachments", "embeds", "components"}) {
            m.putArray(empty);
        }
        return m;
    }

    /** A public thread, or a forum post when the parent is the forum. */
    public static ObjectNode thread(String id, String parent, String name, String owner) {
        ObjectNode t = channel(id, 11, name, 0, null).put("parent_id", parent).put("owner_id", owner)
                .put("message_count", 0).put("member_count", 1).put("rate_limit_per_user", 0).put("flags", 0);
        t.remove("position");
        t.set("thread_metadata", JSON.createObjectNode().put("archived", false).put("auto_archive_duration", 1440)
                .put("archive_timestamp", JOINED).put("locked", false));
        t.putArray("applied_tags");
        return t;
    }

    /** The common part of every interaction: who, where, and the token to answer with. */
    public static ObjectNode interaction(String id, int type, String token, String userId, String userName,
                                         long memberPermissions) {
        ObjectNode i = JSON.createObjectNode().put("id", id).put("application_id", APP).put("type", type)
                .put("token", token).put("version", 1).put("guild_id", GUILD).put("channel_id", GENERAL)
                .put("locale", "en-US").put("guild_locale", "en-US").put("app_permissions", Long.toString(EVERYONE_PERMISSIONS))
                .put("context", 0);
        ObjectNode guild = i.putObject("guild").put("id", GUILD).put("locale", "en-US");
        guild.putArray("features");
        i.set("channel", channel(GENERAL, 0, "general", 0, null));
        ObjectNode member = member(userId, userName);
        member.put("permissions", Long.toString(memberPermissions));
        i.set("member", member);
        i.set("authorizing_integration_owners", JSON.createObjectNode().put("0", GUILD));
        i.putArray("entitlements");
        return i;
    }

    /** {@code /cop <group?> <sub> options…}: options as name → (type, value). */
    public static ObjectNode slash(String id, String token, String userId, String group, String sub, ObjectNode... options) {
        ObjectNode i = interaction(id, 2, token, userId, userId.equals(FakeDiscord.OWNER) ? "owner" : "alice",
                EVERYONE_PERMISSIONS);
        ObjectNode data = i.putObject("data").put("id", "700000000000000001").put("name", "cop").put("type", 1);
        ObjectNode subcommand = JSON.createObjectNode().put("type", 1).put("name", sub);
        ArrayNode subOptions = subcommand.putArray("options");
        for (ObjectNode o : options) {
            subOptions.add(o);
        }
        ObjectNode channels = data.putObject("resolved").putObject("channels");
        for (ObjectNode o : options) {
            if (o.get("type").asInt() == 7) {
                String c = o.get("value").asText();
                channels.set(c, channel(c, 0, c.equals(GENERAL) ? "general" : "secret", 0, null)
                        .put("permissions", Long.toString(EVERYONE_PERMISSIONS)));
            }
        }
        if (group != null) {
            ObjectNode g = JSON.createObjectNode().put("type", 2).put("name", group);
            g.putArray("options").add(subcommand);
            data.putArray("options").add(g);
        } else {
            data.putArray("options").add(subcommand);
        }
        return i;
    }

    public static ObjectNode option(String name, int type, String value) {
        return JSON.createObjectNode().put("name", name).put("type", type).put("value", value);
    }
}
