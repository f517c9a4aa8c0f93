package dev.copbot.core.life;

import dev.copbot.core.community.Community;
import dev.copbot.core.discussion.Activity.ThreadSummary;
import dev.copbot.core.event.Events;
import dev.copbot.core.kudos.KudosStore;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Plural;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.reply.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One community's digest of the week {@code [from, to)} as one reader may see it: new solved threads, questions still
 * unanswered (asked in the last four weeks), the next two weeks' events, new members and kudos. Only channels the
 * reader may read contribute, so nothing from a private channel reaches someone outside it.
 */
record Digest(String community, Instant from, Instant to, List<ThreadSummary> solved, List<ThreadSummary> unanswered,
              List<Events.Session> events, List<String> newMembers, List<KudosStore.Kudos> kudos) {
    static final int SECTION = 5;
    static final Duration UNANSWERED_WITHIN = Duration.ofDays(28);
    static final Duration EVENTS_AHEAD = Duration.ofDays(14);

    static Digest of(CommunityLife life, Community c, Instant from, Instant to, Predicate<ChannelId> readable) {
        List<ChannelId> channels = life.channels(c).stream().filter(readable).toList();
        List<ThreadSummary> solved = life.activity.solvedBetween(channels, from, to);
        List<ThreadSummary> open = life.activity.threadsStarted(channels, to.minus(UNANSWERED_WITHIN), to).stream()
                .filter(t -> t.firstAnswerAt().filter(a -> a.isBefore(to)).isEmpty()).toList(); // as of the week's end
        List<Events.Session> events = life.events.sessions(c.name(), to, to.plus(EVENTS_AHEAD));
        List<String> members = life.communities.membersJoinedBetween(c.name(), from, to).stream()
                .map(life.users::displayName).toList();
        List<KudosStore.Kudos> kudos = life.kudos.between(Optional.of(c.name()), from, to, readable);
        return new Digest(c.name(), from, to, solved, open, events, members, kudos);
    }

    boolean empty() {
        return solved.isEmpty() && unanswered.isEmpty() && events.isEmpty() && newMembers.isEmpty() && kudos.isEmpty();
    }

    Reply reply(CommunityLife life) {
        List<Block> blocks = new ArrayList<>();
        section(blocks, "New solved threads", first(solved).stream().map(t -> "• " + t.title() + " — " + life.permalinks.of(t.root())).toList());
        section(blocks, "Still waiting for an answer", first(unanswered).stream().map(t -> "• " + t.title() + " (asked by "
                + life.users.displayName(t.asker()) + ") — " + life.permalinks.of(t.root())).toList());
        section(blocks, "Coming up", first(events).stream().map(s -> "• " + s.title() + ", " + TimeText.mark(s.start(),
                HealthCommands.day(s.start()) + " UTC") + " (/cop rsvp " + s.eventId() + " going)").toList());
        section(blocks, "New members", newMembers.isEmpty() ? List.of() : List.of(String.join(", ", newMembers)));
        section(blocks, "Kudos", kudos.stream().limit(10).map(k -> "• " + life.users.displayName(k.giver()) + " → "
                + life.users.displayName(k.receiver()) + k.reason().map(r -> ": " + r).orElse("")).toList());
        if (empty()) {
            blocks.add(new Block.Context("A quiet week. Ask something with /cop ask, or thank a helper with /cop kudos."));
        }
        String title = "Weekly digest of " + community + ", " + HealthCommands.day(from) + " to "
                + HealthCommands.day(to.minusMillis(1)) + ": " + solved.size() + " solved, " + unanswered.size()
                + " waiting for an answer, " + Plural.count(events.size(), "event") + " coming up.";
        return Reply.ok(title).withBlocks(blocks).withData("digest", data(life));
    }

    Map<String, Object> data(CommunityLife life) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("community", community);
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("solved", solved.stream().map(t -> thread(life, t)).toList());
        out.put("unanswered", unanswered.stream().map(t -> thread(life, t)).toList());
        out.put("events", events.stream().map(s -> Map.of("id", s.eventId(), "title", s.title(), "start",
                s.start().toString())).toList());
        out.put("newMembers", newMembers);
        out.put("kudos", kudos.stream().map(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", life.users.displayName(k.giver()));
            m.put("to", life.users.displayName(k.receiver()));
            m.put("reason", k.reason().orElse(null));
            return m;
        }).toList());
        return out;
    }

    private static Map<String, Object> thread(CommunityLife life, ThreadSummary t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", t.title());
        m.put("channel", t.key().channel().id());
        m.put("thread", t.key().root());
        m.put("asker", life.users.displayName(t.asker()));
        m.put("replies", t.replies());
        m.put("permalink", life.permalinks.of(t.root()));
        return m;
    }

    private static void section(List<Block> blocks, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            blocks.add(Block.Section.of(title, String.join("\n", lines)));
        }
    }

    /** The first few of a section; the reply's first line gives the totals. */
    private static <T> List<T> first(List<T> all) {
        return List.copyOf(all.subList(0, Math.min(SECTION, all.size())));
    }
}
