package dev.copbot.core.event;

import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.reply.TimeText;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything events send: the announcement of an occurrence (posted in the community's channels, updated in place as
 * answers come in), direct messages to attendees, and the "starting now" post. A message goes through the port of
 * the channel's or user's platform; with none connected, through the console's (which prints it). A platform that
 * refuses one message is logged and skipped, never fatal.
 */
public record Announcer(EventStore store, CommunityStore communities, ChatPorts ports, Clock clock) {
    private static final Logger log = LoggerFactory.getLogger(Announcer.class);

    /** Posts the announcement of one occurrence in every channel of the community; returns how many went out. */
    public int announce(Event e, Occurrence o) {
        int posted = 0;
        for (Channel channel : communities.channels(e.community())) {
            Optional<ChatPort> port = port(channel.id().platform());
            if (port.isEmpty()) {
                continue;
            }
            try {
                MessageId id = port.get().post(channel.id(), Optional.empty(), announcement(e, o).inChannel());
                store.addAnnouncement(e.id(), o.key(), id, clock.instant());
                posted++;
            } catch (RuntimeException ex) {
                log.warn("could not announce event {} in {}: {}", e.id(), channel.id(), ex.getMessage());
            }
        }
        return posted;
    }

    /** Rewrites the announcement(s) of an occurrence: new counts, an edit, a cancellation. */
    public void refresh(Event e, Occurrence o) {
        Reply current = announcement(e, o).inChannel();
        for (MessageId message : store.announcements(e.id(), o.key())) {
            port(message.channel().platform()).ifPresent(p -> {
                try {
                    p.update(message, current);
                } catch (RuntimeException ex) {
                    log.warn("could not update the announcement {} of event {}: {}", message, e.id(), ex.getMessage());
                }
            });
        }
    }

    /** Posts a short message in the community's channels (e.g. "starting now"). */
    public void postInChannels(Event e, Reply reply) {
        for (Channel channel : communities.channels(e.community())) {
            port(channel.id().platform()).ifPresent(p -> {
                try {
                    p.post(channel.id(), Optional.empty(), reply.inChannel());
                } catch (RuntimeException ex) {
                    log.warn("could not post to {} for event {}: {}", channel.id(), e.id(), ex.getMessage());
                }
            });
        }
    }

    /** Direct-messages each user; the text is written in each one's zone. Returns how many were sent. */
    public int tell(List<UserId> users, Function<ZoneId, Reply> message) {
        int sent = 0;
        for (UserId user : users) {
            Optional<ChatPort> port = port(user.platform());
            if (port.isEmpty()) {
                continue;
            }
            try {
                port.get().sendDirect(user, message.apply(store.zoneOf(user).orElse(ZoneId.of("UTC"))));
                sent++;
            } catch (RuntimeException ex) {
                log.warn("could not send a direct message to {}: {}", user, ex.getMessage());
            }
        }
        return sent;
    }

    /** The announcement of an occurrence: details, local time for every reader, counts and RSVP buttons. */
    public Reply announcement(Event e, Occurrence o) {
        Map<Answer, List<UserId>> answers = store.answers(e.id(), o.key());
        String when = When.span(o.start(), e.duration(), e.zone());
        boolean off = e.cancelled() || o.cancelled();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("When", TimeText.mark(o.start(), when)));
        fields.add(new Field("Duration", When.duration(e.duration())));
        e.location().ifPresent(where -> fields.add(new Field("Where", where)));
        e.rrule().ifPresent(rule -> fields.add(new Field("Repeats", repeats(rule))));
        fields.add(new Field(Answer.GOING.label(), Integer.toString(answers.get(Answer.GOING).size())));
        fields.add(new Field(Answer.MAYBE.label(), Integer.toString(answers.get(Answer.MAYBE).size())));
        fields.add(new Field(Answer.DECLINED.label(), Integer.toString(answers.get(Answer.DECLINED).size())));
        String title = (off ? "CANCELLED: " : "") + e.title();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(title, e.description().orElse(""), fields));
        if (!off) {
            blocks.add(new Block.Actions(List.of(button(e, o, Answer.GOING, Button.Style.PRIMARY),
                    button(e, o, Answer.MAYBE, Button.Style.DEFAULT), button(e, o, Answer.DECLINED, Button.Style.DEFAULT))));
        }
        blocks.add(new Block.Context("Event " + e.id() + " of " + e.community() + " · calendar: /cop event ics " + e.id()));
        String text = (off ? "Cancelled: " : "") + e.title() + " — " + when + e.location().map(w -> " · " + w).orElse("");
        return Reply.ok(text).withBlocks(blocks).withData("event", data(e, o, answers));
    }

    /** The {@code event} object of {@code console --json}: the contract scripts read. */
    public Map<String, Object> data(Event e, Occurrence o) {
        return data(e, o, store.answers(e.id(), o.key()));
    }

    private Map<String, Object> data(Event e, Occurrence o, Map<Answer, List<UserId>> answers) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("title", e.title());
        out.put("community", e.community());
        out.put("start", o.start().atZone(e.zone()).toOffsetDateTime().toString());
        out.put("end", o.end().atZone(e.zone()).toOffsetDateTime().toString());
        out.put("startEpochSecond", o.start().getEpochSecond());
        out.put("zone", e.zone().getId());
        out.put("durationMinutes", e.duration().toMinutes());
        out.put("rrule", e.rrule().orElse(null));
        out.put("where", e.location().orElse(null));
        out.put("description", e.description().orElse(null));
        out.put("occurrence", o.key().atZone(e.zone()).toOffsetDateTime().toString());
        out.put("cancelled", e.cancelled() || o.cancelled());
        out.put("going", answers.get(Answer.GOING).size());
        out.put("maybe", answers.get(Answer.MAYBE).size());
        out.put("declined", answers.get(Answer.DECLINED).size());
        out.put("sequence", e.sequence());
        return out;
    }

    /** "rsvp 12 going", plus the occurrence's date for a series so an old announcement answers for its own day. */
    static String rsvpCommand(Event e, Occurrence o, Answer a) {
        String on = e.recurring() ? " on:" + DateTimeFormatter.ISO_LOCAL_DATE.format(o.key().atZone(e.zone())) : "";
        return "rsvp " + e.id() + " " + a.typed() + on;
    }

    static String repeats(String rule) {
        return switch (rule) {
            case "FREQ=DAILY" -> "daily";
            case "FREQ=WEEKLY" -> "weekly";
            case "FREQ=WEEKLY;INTERVAL=2" -> "every other week";
            case "FREQ=MONTHLY" -> "monthly";
            default -> rule;
        };
    }

    private static Button button(Event e, Occurrence o, Answer a, Button.Style style) {
        String command = rsvpCommand(e, o, a);
        return Button.runs(a.label(), command, style);
    }

    private Optional<ChatPort> port(Platform platform) {
        Optional<ChatPort> port = ports.of(platform).or(() -> ports.of(Platform.CONSOLE));
        if (port.isEmpty()) {
            log.warn("no chat port for {}: an event message was not sent", platform.key());
        }
        return port;
    }
}
