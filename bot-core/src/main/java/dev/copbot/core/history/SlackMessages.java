package dev.copbot.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.core.history.ExportReader.Post;
import dev.copbot.core.history.ExportReader.Sink;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a Slack day file into the core's values. Conversation messages (plain, bot, /me, thread broadcasts,
 * file shares) are imported with their files' names and titles as text; joins and leaves change membership; other
 * system messages (topic, purpose, renames, pins…) are not discussion and are skipped, as are unknown subtypes.
 */
final class SlackMessages {
    static final String SYSTEM = "system message (join, leave, topic, purpose, rename, pin…)";
    static final String DELETED = "deleted message";
    static final String EMPTY = "empty message (no text, files or attachments)";
    static final String NO_TS = "message without a valid ts";
    static final String NO_AUTHOR = "message without an author";
    public static final String UNKNOWN_USER = "messages by people missing from users.json (kept under their ids)";

    private static final Set<String> CONVERSATION = Set.of("bot_message", "me_message", "thread_broadcast",
            "reply_broadcast", "file_share", "file_mention", "file_comment", "slackbot_response");
    private static final Set<String> JOINS = Set.of("channel_join", "group_join");
    private static final Set<String> LEAVES = Set.of("channel_leave", "group_leave");
    private static final Set<String> SYSTEM_SUBTYPES = Set.of("channel_topic", "channel_purpose", "channel_name",
            "group_topic", "group_purpose", "group_name", "channel_archive", "channel_unarchive", "group_archive",
            "group_unarchive", "pinned_item", "unpinned_item", "bot_add", "bot_remove", "bot_enable", "bot_disable",
            "reminder_add", "reminder_delete", "channel_posting_permissions", "joiner_notification",
            "joiner_notification_for_inviter", "ekm_access_denied", "sh_room_created", "channel_convert_to_private",
            "channel_convert_to_public", "channel_canvas_updated", "app_conversation_join", "app_conversation_leave",
            "message_changed", "huddle_thread", "assistant_app_thread", "document_mention", "share_shortcut");
    private static final Set<String> DELETIONS = Set.of("tombstone", "message_deleted");

    private final String team;
    private final Set<String> known;
    private final Set<String> warnedUsers = new HashSet<>();
    private final Set<String> warnedSubtypes = new HashSet<>();

    public SlackMessages(String team, Set<String> known) {
        this.team = team;
        this.known = known;
    }

    /** display_name, else real_name, else the user name (as Slack shows people). */
    public static String displayName(JsonNode user) {
        JsonNode profile = user.path("profile");
        return Json.nonBlank(profile, "display_name").or(() -> Json.nonBlank(profile, "real_name"))
                .or(() -> Json.nonBlank(user, "real_name")).or(() -> Json.nonBlank(user, "name"))
                .orElse(Json.text(user, "id"));
    }

    public void read(JsonNode m, Channel channel, String file, Sink sink) {
        if (!m.isObject() || !"message".equals(Json.text(m, "type"))) {
            sink.skip("not a message (type " + (m.isObject() ? Json.text(m, "type") : m.getNodeType()) + ")");
            return;
        }
        Optional<Instant> at = time(Json.text(m, "ts"));
        String subtype = Optional.ofNullable(Json.text(m, "subtype")).orElse("");
        if (JOINS.contains(subtype) || LEAVES.contains(subtype)) {
            author(m).ifPresent(u -> sink.member(u, JOINS.contains(subtype)));
            sink.skip(SYSTEM);
            return;
        }
        if (SYSTEM_SUBTYPES.contains(subtype)) {
            sink.skip(SYSTEM);
            return;
        }
        if (DELETIONS.contains(subtype)) {
            sink.skip(DELETED);
            return;
        }
        if (!subtype.isEmpty() && !CONVERSATION.contains(subtype)) {
            if (warnedSubtypes.add(subtype)) {
                sink.notice(file + ": messages of the unknown subtype '" + subtype + "' are skipped (first seen here).");
            }
            sink.skip("unknown subtype '" + subtype + "'");
            return;
        }
        if (at.isEmpty()) {
            sink.skip(NO_TS);
            return;
        }
        Optional<UserId> author = author(m);
        if (author.isEmpty()) {
            sink.skip(NO_AUTHOR);
            return;
        }
        UserId user = author.get();
        if (Json.text(m, "user") == null) { // a bot or an integration: name it as Slack shows it
            sink.person(new Actor(user, Json.nonBlank(m, "username").or(() -> Json.nonBlank(m.path("bot_profile"), "name"))
                    .orElse(user.id()), Optional.empty(), false));
        } else if (!known.contains(user.id())) {
            sink.warn(UNKNOWN_USER);
            if (warnedUsers.add(user.id())) {
                sink.notice(file + ": " + user.id() + " is not in users.json; their messages are kept under that id.");
                JsonNode profile = m.path("user_profile");
                sink.person(new Actor(user, Json.nonBlank(profile, "display_name").or(() -> Json.nonBlank(profile, "real_name"))
                        .or(() -> Json.nonBlank(profile, "name")).orElse(user.id()), Optional.empty(), false));
            }
        }
        String ts = Json.text(m, "ts");
        String text = text(m, user, subtype);
        if (text.isBlank()) {
            sink.skip(EMPTY);
            return;
        }
        MessageId id = new MessageId(channel.id(), ts);
        String threadTs = Json.text(m, "thread_ts");
        Optional<MessageId> parent = threadTs != null && !threadTs.equals(ts) && time(threadTs).isPresent()
                ? Optional.of(new MessageId(channel.id(), threadTs)) : Optional.empty();
        List<Reaction> reactions = new ArrayList<>();
        for (JsonNode r : m.path("reactions")) {
            String emoji = Json.text(r, "name");
            for (JsonNode u : r.path("users")) {
                try {
                    if (emoji != null && !emoji.isBlank()) {
                        reactions.add(new Reaction(id, new UserId(Platform.SLACK, team, u.asText()), emoji));
                    }
                } catch (IllegalArgumentException ignored) {
                    // not a user id: the reaction cannot be attributed
                }
            }
        }
        Optional<Instant> edited = time(Json.text(m.path("edited"), "ts"));
        sink.post(new Post(new Message(id, user, text, at.get(), parent), edited, reactions));
    }

    private Optional<UserId> author(JsonNode m) {
        String id = Optional.ofNullable(Json.text(m, "user")).orElse(Json.text(m, "bot_id"));
        try {
            return id == null ? Optional.empty() : Optional.of(new UserId(Platform.SLACK, team, id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The text people can search: the message, its files' names and titles, and a bot's attachments. */
    private static String text(JsonNode m, UserId user, String subtype) {
        StringBuilder out = new StringBuilder(Optional.ofNullable(Json.text(m, "text")).orElse(""));
        for (JsonNode f : m.path("files")) {
            String mode = Json.text(f, "mode");
            if ("tombstone".equals(mode) || "hidden_by_limit".equals(mode)) {
                continue;
            }
            Optional<String> name = Json.nonBlank(f, "name");
            Optional<String> title = Json.nonBlank(f, "title");
            String line = name.map(n -> title.filter(t -> !t.equals(n)).map(t -> n + " (" + t + ")").orElse(n))
                    .or(() -> title).orElse("");
            if (!line.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append("file: ").append(line);
            }
        }
        boolean bot = "bot_message".equals(subtype) || Json.text(m, "user") == null;
        if (bot || out.isEmpty()) {
            for (JsonNode a : m.path("attachments")) {
                for (String field : List.of("pretext", "title", "text")) {
                    Json.nonBlank(a, field).ifPresent(t -> out.append(out.isEmpty() ? "" : "\n").append(t));
                }
                if (!a.has("text") && !a.has("title")) {
                    Json.nonBlank(a, "fallback").ifPresent(t -> out.append(out.isEmpty() ? "" : "\n").append(t));
                }
                for (JsonNode field : a.path("fields")) {
                    Json.nonBlank(field, "title").ifPresent(t -> out.append(out.isEmpty() ? "" : "\n").append(t));
                    Json.nonBlank(field, "value").ifPresent(t -> out.append(": ").append(t));
                }
            }
        }
        return out.toString();
    }

    /** A Slack ts ("1470152354.947000": seconds and microseconds) as an instant. */
    public static Optional<Instant> time(String ts) {
        if (ts == null || ts.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(ts.strip());
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return whole <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(whole, nanos));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
