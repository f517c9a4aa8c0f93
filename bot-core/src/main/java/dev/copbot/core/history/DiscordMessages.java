package dev.copbot.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.core.history.ExportReader.Post;
import dev.copbot.core.history.ExportReader.Sink;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One DiscordChatExporter message into the core's values, following the Discord adapter's threads: a message of a
 * public thread started from a text channel's message hangs off that message (same id, in the parent channel); other
 * threads and forum posts are rooted at their own starter; a reply joins the thread of the message it answers.
 */
final class DiscordMessages {
    static final String SYSTEM = "system message (pins, joins, calls, renames, thread notices…)";
    static final String EMPTY = "empty message (no text or attachments)";
    static final String INVALID = "message without a valid id, time or author";

    /** A channel's DiscordChatExporter type and, for a thread, its parent channel. */
    public record Kind(String type, Optional<String> parent) {
        public boolean thread() {
            return type.endsWith("Thread");
        }
    }

    private static final Set<String> CONVERSATION = Set.of("Default", "Reply", "ChatInputCommand", "ContextMenuCommand",
            "20", "23");
    private static final Set<String> SYSTEM_TYPES = Set.of("RecipientAdd", "RecipientRemove", "Call", "ChannelNameChange",
            "ChannelIconChange", "ChannelPinnedMessage", "GuildMemberJoin", "ThreadCreated", "ThreadStarterMessage");
    /** Discord's unicode reactions under the names the core counts, as the Discord adapter names them. */
    private static final Map<String, String> EMOJI = Map.ofEntries(
            Map.entry("\u2705", "white_check_mark"), Map.entry("\u2714\uFE0F", "heavy_check_mark"),
            Map.entry("\u2714", "heavy_check_mark"), Map.entry("\uD83D\uDC4D", "+1"), Map.entry("\uD83D\uDC4E", "-1"),
            Map.entry("\uD83D\uDE4F", "pray"), Map.entry("\u2764\uFE0F", "heart"), Map.entry("\uD83C\uDF89", "tada"),
            Map.entry("\uD83D\uDE4C", "raised_hands"), Map.entry("\uD83D\uDCAF", "100"), Map.entry("\uD83D\uDC40", "eyes"));

    private final Channel channel;
    private final Kind kind;
    private final String file;
    /** Replies only (id → root id): a message missing here is a root, its own thread. */
    private final Map<String, String> roots = new HashMap<>();
    private final Set<String> warnedTypes = new HashSet<>();
    private Boolean rootedInThread;

    public DiscordMessages(Channel channel, Kind kind, String file) {
        this.channel = channel;
        this.kind = kind;
        this.file = file;
    }

    /** Reads one entry; {@code sink} is null for entries an earlier run stored (read only to follow replies). */
    public void read(JsonNode m, Sink sink) {
        String id = Json.text(m, "id");
        String type = Optional.ofNullable(Json.text(m, "type")).orElse("Default");
        if (kind.thread() && rootedInThread == null) {
            // A forum post's or private thread's starter is its first message, with the thread's own id.
            rootedInThread = channel.visibility() == Visibility.PRIVATE || channel.id().id().equals(id)
                    || kind.parent().isEmpty();
        }
        Optional<MessageId> parent = parent(m, id, type);
        parent.ifPresent(p -> {
            if (id != null) {
                roots.put(id, p.id());
            }
        });
        if (sink == null) {
            return;
        }
        JsonNode author = m.path("author");
        Optional<UserId> user = user(author);
        if (SYSTEM_TYPES.contains(type) || (!CONVERSATION.contains(type) && type.chars().allMatch(Character::isDigit))) {
            if (type.equals("RecipientAdd") || type.equals("RecipientRemove")) {
                for (JsonNode who : m.path("mentions")) {
                    user(who).ifPresent(u -> sink.member(u, type.equals("RecipientAdd")));
                }
            }
            sink.skip(SYSTEM);
            return;
        }
        if (!CONVERSATION.contains(type)) {
            if (warnedTypes.add(type)) {
                sink.notice(file + ": messages of the unknown type '" + type + "' are skipped (first seen here).");
            }
            sink.skip("unknown message type '" + type + "'");
            return;
        }
        Optional<Instant> at = time(Json.text(m, "timestamp"));
        if (id == null || at.isEmpty() || user.isEmpty()) {
            sink.skip(INVALID);
            return;
        }
        sink.person(new Actor(user.get(), Json.nonBlank(author, "nickname").or(() -> Json.nonBlank(author, "name"))
                .orElse(user.get().id()), Optional.empty(), false));
        for (JsonNode mentioned : m.path("mentions")) {
            user(mentioned).ifPresent(u -> sink.person(new Actor(u, Json.nonBlank(mentioned, "nickname")
                    .or(() -> Json.nonBlank(mentioned, "name")).orElse(u.id()), Optional.empty(), false)));
        }
        if (channel.visibility() != Visibility.PUBLIC) {
            sink.member(user.get(), true); // who wrote in a DM or private thread could read it
        }
        String text = text(m, author.path("isBot").asBoolean(false));
        if (text.isBlank()) {
            sink.skip(EMPTY);
            return;
        }
        MessageId messageId = new MessageId(channel.id(), id);
        List<Reaction> reactions = new ArrayList<>();
        for (JsonNode r : m.path("reactions")) {
            JsonNode emoji = r.path("emoji");
            String name = Json.text(emoji, "name");
            boolean custom = Json.nonBlank(emoji, "id").isPresent();
            if (name == null || name.isBlank()) {
                continue;
            }
            String neutral = custom ? name : EMOJI.getOrDefault(name, name);
            for (JsonNode who : r.path("users")) {
                user(who).ifPresent(u -> reactions.add(new Reaction(messageId, u, neutral)));
            }
        }
        sink.post(new Post(new Message(messageId, user.get(), text, at.get(), parent), time(Json.text(m, "timestampEdited")),
                reactions));
    }

    private Optional<MessageId> parent(JsonNode m, String id, String type) {
        if (id == null) {
            return Optional.empty();
        }
        if (kind.thread()) {
            ChannelId rootChannel = rootedInThread ? channel.id() : channel.id().platform() == Platform.DISCORD
                    ? new ChannelId(Platform.DISCORD, channel.id().scope(), kind.parent().orElse(channel.id().id()))
                    : channel.id();
            MessageId root = new MessageId(rootChannel, channel.id().id());
            return root.equals(new MessageId(channel.id(), id)) ? Optional.empty() : Optional.of(root);
        }
        JsonNode ref = m.path("reference");
        String target = Json.text(ref, "messageId");
        String where = Json.text(ref, "channelId");
        if (!"Reply".equals(type) || target == null || (where != null && !where.equals(channel.id().id()))) {
            return Optional.empty();
        }
        return Optional.of(new MessageId(channel.id(), roots.getOrDefault(target, target)));
    }

    private Optional<UserId> user(JsonNode who) {
        String id = Json.text(who, "id");
        try {
            return id == null ? Optional.empty() : Optional.of(new UserId(Platform.DISCORD, channel.id().scope(), id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode m, boolean bot) {
        StringBuilder out = new StringBuilder(Optional.ofNullable(Json.text(m, "content")).orElse(""));
        for (JsonNode a : m.path("attachments")) {
            Json.nonBlank(a, "fileName").ifPresent(n -> out.append(out.isEmpty() ? "" : "\n").append("file: ").append(n));
        }
        if (bot || out.isEmpty()) {
            for (JsonNode e : m.path("embeds")) {
                Json.nonBlank(e, "title").ifPresent(t -> out.append(out.isEmpty() ? "" : "\n").append(t));
                Json.nonBlank(e, "description").ifPresent(t -> out.append(out.isEmpty() ? "" : "\n").append(t));
                for (JsonNode f : e.path("fields")) {
                    Json.nonBlank(f, "name").ifPresent(t -> out.append(out.isEmpty() ? "" : "\n").append(t));
                    Json.nonBlank(f, "value").ifPresent(t -> out.append(": ").append(t));
                }
            }
        }
        return out.toString();
    }

    static Optional<Instant> time(String iso) {
        try {
            return iso == null || iso.isBlank() ? Optional.empty() : Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
