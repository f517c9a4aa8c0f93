package dev.copbot.core.event;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Community;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.reply.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code rsvp}, {@code event who}, {@code event ics} and {@code events}: answering, attendance, calendars, listing. */
final class AttendanceCommands {
    static final int MAX_LISTED = 15;
    static final Duration LISTED_AHEAD = Duration.ofDays(62);

    private final Events events;

    AttendanceCommands(Events events) {
        this.events = events;
    }

    void register(Registry registry) {
        registry.command(command("rsvp").param(required("id")).param(required("going|maybe|no")).option("on", "date")
                .access(Access.MEMBER).summary("Answer an event (the next occurrence, or the one on:date); "
                        + "answering again changes your answer.")
                .example("/cop rsvp 12 going").example("/cop rsvp 12 no on:2026-12-10").handler(this::rsvp));
        registry.command(command("event who").param(required("id")).option("on", "date").access(Access.LEADER)
                .summary("Who is going, maybe, or can't go (leaders and sponsors).")
                .example("/cop event who 12").handler(this::who));
        registry.command(command("event ics").param(required("id"))
                .summary("The event as an iCalendar (.ics) file for your calendar.")
                .example("/cop event ics 12").handler(this::ics));
        registry.command(command("events").param(optional("community"))
                .summary("Upcoming events, in your time zone.").example("/cop events").example("/cop events data-science")
                .handler(this::list));
    }

    private Reply rsvp(CommandContext ctx) {
        Event e = events.live(ctx.arg(0), ctx.actor().id());
        Answer answer = Answer.parse(ctx.arg(1)).orElseThrow(() -> new UserError("'" + ctx.arg(1)
                + "' is not an answer: say going, maybe or no."));
        Occurrence o = events.occurrence(e, ctx.option("on"));
        ZoneId zone = events.zoneOf(ctx.actor());
        String when = When.span(o.start(), e.duration(), zone);
        if (o.cancelled()) {
            throw UserError.refused(e.title() + " on " + when + " is cancelled.");
        }
        if (!o.end().isAfter(events.now())) {
            throw UserError.refused(e.title() + " on " + when + " is over.");
        }
        EventStore store = events.store();
        Optional<Answer> before = store.database().transaction(c ->
                store.rsvp(e.id(), o.key(), ctx.actor().id(), answer, events.now()));
        if (before.isEmpty() || before.get() != answer) {
            events.announcer().refresh(e, o);
        }
        String text = before.filter(b -> b == answer).map(b -> "You had already answered " + answer.typed() + " for ")
                .orElse(switch (answer) {
                    case GOING -> "You're going to ";
                    case MAYBE -> "You might go to ";
                    case DECLINED -> "You can't go to ";
                }) + e.title() + ", " + when + "."
                + (answer == Answer.GOING ? " You'll get a reminder before it starts." : "");
        return Reply.ok(text).withData("event", events.announcer().data(e, o)).withData("answer", answer.typed());
    }

    private Reply who(CommandContext ctx) {
        Event e = events.event(ctx.arg(0), ctx.actor().id());
        events.requireOrganiser(ctx.actor(), ctx.admin(), e.community(), Optional.of(e), "see who answered event " + e.id());
        Occurrence o = events.occurrence(e, ctx.option("on"));
        Map<Answer, List<UserId>> answers = events.store().answers(e.id(), o.key());
        List<Field> fields = new ArrayList<>();
        Map<String, Object> people = new LinkedHashMap<>();
        for (Answer a : Answer.values()) {
            List<String> names = answers.get(a).stream().map(events.users()::displayName).toList();
            fields.add(new Field(a.label() + " (" + names.size() + ")", String.join(", ", names)));
            people.put(a == Answer.DECLINED ? "declined" : a.typed(), answers.get(a).stream().map(UserId::toString).toList());
        }
        ZoneId zone = events.zoneOf(ctx.actor());
        String when = When.span(o.start(), e.duration(), zone);
        return Reply.ok(e.title() + ", " + when + ": " + answers.get(Answer.GOING).size() + " going, "
                        + answers.get(Answer.MAYBE).size() + " maybe, " + answers.get(Answer.DECLINED).size() + " can't go.")
                .with(new Block.Section(e.title(), TimeText.mark(o.start(), when), fields))
                .withData("event", events.announcer().data(e, o)).withData("attendees", people);
    }

    private Reply ics(CommandContext ctx) {
        Event e = events.event(ctx.arg(0), ctx.actor().id());
        String ics = events.calendar().ics(List.of(e), e.title());
        Map<String, Object> event = Recurrence.next(e, events.store().overrides(e.id()), events.now())
                .map(o -> events.announcer().data(e, o)).orElse(Map.of("id", e.id(), "title", e.title()));
        return Reply.ok("event-" + e.id() + ".ics — save it and open it with your calendar app:\n" + ics)
                .withData("event", event).withData("filename", "event-" + e.id() + ".ics").withData("ics", ics);
    }

    private Reply list(CommandContext ctx) {
        Optional<Community> only = ctx.optionalArg(0).map(name -> events.community(Optional.of(name), ctx.actor(),
                ctx.admin(), ctx.channel()));
        Instant now = events.now();
        ZoneId zone = events.zoneOf(ctx.actor());
        List<Map.Entry<Event, Occurrence>> upcoming = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Event e : events.store().live(only.map(Community::name))) {
            // Events of a community hidden from the reader are not theirs to see.
            if (!seen.computeIfAbsent(e.community(), name -> events.communities().find(name)
                    .map(c -> events.privacy().maySee(ctx.actor().id(), c)).orElse(true))) {
                continue;
            }
            var overrides = events.store().overrides(e.id());
            List<Occurrence> soon = Recurrence.between(e, overrides, now.minus(e.duration()), now.plus(LISTED_AHEAD))
                    .stream().filter(o -> !o.cancelled() && o.end().isAfter(now)).toList();
            // the next weeks in full; an event further out still shows its next occurrence
            (soon.isEmpty() ? Recurrence.next(e, overrides, now).stream().toList() : soon)
                    .forEach(o -> upcoming.add(Map.entry(e, o)));
        }
        upcoming.sort(Comparator.comparing(entry -> entry.getValue().start()));
        String scope = only.map(c -> " of " + c.name()).orElse("");
        if (upcoming.isEmpty()) {
            return Reply.ok("No upcoming events" + scope + ". Leaders can announce one with /cop event create.")
                    .withData("events", List.of());
        }
        List<Map.Entry<Event, Occurrence>> shown = upcoming.subList(0, Math.min(MAX_LISTED, upcoming.size()));
        List<Block> blocks = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        String text = upcoming.size() + (upcoming.size() == 1 ? " upcoming event" : " upcoming events") + scope
                + " (times in " + zone.getId() + "; a series shows its next " + LISTED_AHEAD.toDays() + " days).";
        for (var entry : shown) {
            Event e = entry.getKey();
            Occurrence o = entry.getValue();
            String when = When.span(o.start(), e.duration(), zone);
            Map<String, Object> row = events.announcer().data(e, o);
            data.add(row);
            blocks.add(new Block.Section(e.id() + ": " + e.title(), TimeText.mark(o.start(), when), List.of(
                    new Field("Community", e.community()), new Field("Where", e.location().orElse("")),
                    new Field("Going", row.get("going").toString()))));
        }
        if (upcoming.size() > shown.size()) {
            blocks.add(new Block.Context("Showing the first " + shown.size() + " of " + upcoming.size() + "."));
        }
        blocks.add(new Block.Context("Answer with /cop rsvp <id> going|maybe|no; add one to your calendar with "
                + "/cop event ics <id>."));
        return Reply.ok(text).withBlocks(blocks).withData("events", data);
    }
}
