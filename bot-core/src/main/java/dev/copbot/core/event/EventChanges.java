package dev.copbot.core.event;

import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code event edit} and {@code event cancel}: the whole series, or one occurrence ({@code on:date}). The
 * announcements are rewritten, the people who answered going or maybe are told, the SEQUENCE goes up, and the
 * reminders follow (each reminder re-checks the event when it runs).
 */
final class EventChanges {
    private static final List<String> SERIES_ONLY = List.of("title", "tz", "duration", "where", "repeat", "description");

    private final Events events;

    EventChanges(Events events) {
        this.events = events;
    }

    void register(Registry registry) {
        registry.command(command("event edit").param(required("id")).option("title", "\"…\"").option("date", "2026-12-03")
                .option("time", "12:00").option("tz", "Europe/Berlin").option("duration", "45m")
                .option("where", "\"…\"").option("repeat", "weekly|none|<RRULE>").option("description", "\"…\"")
                .option("on", "date").access(Access.LEADER)
                .summary("Change an event; with on:date, move that one occurrence (date: and time:).")
                .example("/cop event edit 12 time:12:30 where:\"Room 5\"")
                .example("/cop event edit 12 on:2026-12-10 time:14:00").handler(this::edit));
        registry.command(command("event cancel").param(required("id")).option("on", "date").access(Access.LEADER)
                .summary("Cancel an event (the whole series), or with on:date one occurrence of it.")
                .example("/cop event cancel 12").example("/cop event cancel 12 on:2026-12-10").handler(this::cancel));
    }

    private Reply edit(CommandContext ctx) {
        Event e = events.live(ctx.arg(0), ctx.actor().id());
        events.requireOrganiser(ctx.actor(), ctx.admin(), e.community(), Optional.of(e), "edit event " + e.id());
        if (ctx.options().isEmpty()) {
            throw new UserError("Say what to change, e.g. time:12:30, where:\"Room 5\" or title:\"…\".");
        }
        return ctx.option("on").isPresent() ? move(ctx, e) : editSeries(ctx, e);
    }

    private Reply move(CommandContext ctx, Event e) {
        List<String> wrong = SERIES_ONLY.stream().filter(k -> ctx.option(k).isPresent()).toList();
        if (!wrong.isEmpty() || (ctx.option("date").isEmpty() && ctx.option("time").isEmpty())) {
            throw new UserError("With on:date you move one occurrence: give its new date: and/or time:"
                    + (wrong.isEmpty() ? "" : " (" + String.join(", ", wrong) + " apply to the whole series; leave out on: for that)")
                    + ".");
        }
        Occurrence o = events.occurrence(e, ctx.option("on"));
        requireAhead(e, o);
        ZonedDateTime current = o.start().atZone(e.zone());
        LocalDate date = ctx.option("date").map(d -> EventInput.date(d, events.today(e.zone()))).orElse(current.toLocalDate());
        LocalTime time = ctx.option("time").map(EventInput::time).orElse(current.toLocalTime());
        Instant start = future(EventInput.start(date, time, e.zone()), e.zone());
        EventStore store = events.store();
        store.database().transaction(() -> {
            store.putOverride(e.id(), new EventStore.Override(o.key(), Optional.of(start), false));
            store.bumpSequence(e.id(), events.now());
        });
        Event after = store.find(e.id()).orElseThrow();
        Occurrence moved = Recurrence.byKey(after, store.overrides(e.id()), o.key()).orElseThrow();
        events.announcer().refresh(after, moved);
        int told = tell(after, List.of(moved), zone -> "Moved: " + after.title() + " on " + When.at(o.start(), zone)
                + " now takes place " + When.span(moved.start(), after.duration(), zone) + ".");
        events.reminders().plan(after);
        return Reply.ok("Moved the " + current.toLocalDate() + " occurrence of event " + e.id() + " to "
                        + When.span(moved.start(), after.duration(), events.zoneOf(ctx.actor())) + ". Told " + people(told) + ".")
                .withData("event", events.announcer().data(after, moved));
    }

    private Reply editSeries(CommandContext ctx, Event e) {
        ZoneId zone = ctx.option("tz").map(EventInput::zone).orElse(e.zone());
        LocalDate date = ctx.option("date").map(d -> EventInput.date(d, events.today(zone))).orElse(e.start().toLocalDate());
        LocalTime time = ctx.option("time").map(EventInput::time).orElse(e.start().toLocalTime());
        ZonedDateTime start = EventInput.start(date, time, zone);
        boolean oneOff = ctx.option("repeat").map(r -> EventInput.repeat(r).isEmpty()).orElse(!e.recurring());
        if (oneOff && (!start.toLocalDateTime().equals(e.start()) || !zone.equals(e.zone()))) {
            future(start, zone);
        }
        Event updated = new Event(e.id(), e.community(),
                ctx.option("title").map(t -> EventInput.text("title", t, EventInput.MAX_TITLE)).orElse(e.title()),
                ctx.option("description").map(d -> EventInput.text("description", d, EventInput.MAX_TEXT)).or(e::description),
                ctx.option("where").map(w -> EventInput.text("place", w, 300)).or(e::location), zone,
                start.toLocalDateTime(), ctx.option("duration").map(EventInput::duration).orElse(e.duration()),
                ctx.option("repeat").isPresent() ? EventInput.repeat(ctx.option("repeat").get()) : e.rrule(),
                e.sequence() + 1, e.createdBy(), Optional.empty());
        Instant now = events.now();
        if (Recurrence.next(updated, events.store().overrides(e.id()), now).isEmpty()) {
            throw new UserError("After that change the event has no occurrence to come. Pick a later date:.");
        }
        boolean timing = !updated.start().equals(e.start()) || !zone.equals(e.zone()) || !updated.rrule().equals(e.rrule());
        EventStore store = events.store();
        store.database().transaction(() -> {
            if (timing) {
                carryOver(e, updated);
            }
            store.update(updated, now);
        });
        Event after = store.find(e.id()).orElseThrow();
        List<Occurrence> ahead = Recurrence.between(after, store.overrides(e.id()), now.minus(after.duration()),
                now.plus(Duration.ofDays(62)));
        ahead.forEach(o -> events.announcer().refresh(after, o));
        int told = tell(after, ahead, zone2 -> "Updated: " + after.title() + " (event " + after.id() + ") — next "
                + ahead.stream().filter(o -> !o.cancelled()).findFirst()
                        .map(o -> When.span(o.start(), after.duration(), zone2)).orElse("—")
                + after.location().map(w -> " · " + w).orElse("") + ".");
        events.reminders().plan(after);
        Occurrence next = Recurrence.next(after, store.overrides(e.id()), now).orElseThrow();
        return Reply.ok("Updated event " + e.id() + " (" + after.title() + "). Next: "
                        + When.span(next.start(), after.duration(), events.zoneOf(ctx.actor())) + ". Told " + people(told) + ".")
                .withData("event", events.announcer().data(after, next));
    }

    /**
     * When the series' timing changes, the n-th occurrence stays the n-th: its answers, announcements, sent notices
     * and overrides move to its new key (through temporary keys, so two occurrences never collide).
     */
    private void carryOver(Event before, Event after) {
        EventStore store = events.store();
        List<Instant> keys = store.occurrencesWithState(before.id());
        List<Instant[]> moves = new ArrayList<>();
        for (Instant key : keys) {
            List<Instant> upTo = Recurrence.originals(before, before.firstStart().toInstant(), key);
            int index = upTo.indexOf(key);
            Optional<Instant> target = index < 0 ? Optional.empty() : nth(after, index);
            if (target.isEmpty()) {
                store.dropOccurrenceState(before.id(), key);
            } else {
                moves.add(new Instant[] {key, target.get()});
            }
        }
        for (int i = 0; i < moves.size(); i++) {
            store.rekey(before.id(), moves.get(i)[0], Instant.ofEpochMilli(-1 - i));
        }
        for (int i = 0; i < moves.size(); i++) {
            store.rekey(before.id(), Instant.ofEpochMilli(-1 - i), moves.get(i)[1]);
        }
    }

    private static Optional<Instant> nth(Event e, int index) {
        Instant from = e.firstStart().toInstant();
        Instant to = from.plus(Duration.ofDays(7L * (index + 2) * 31));
        List<Instant> all = Recurrence.originals(e, from, to);
        return index < all.size() ? Optional.of(all.get(index)) : Optional.empty();
    }

    private Reply cancel(CommandContext ctx) {
        Event e = events.live(ctx.arg(0), ctx.actor().id());
        events.requireOrganiser(ctx.actor(), ctx.admin(), e.community(), Optional.of(e), "cancel event " + e.id());
        EventStore store = events.store();
        Instant now = events.now();
        if (ctx.option("on").isPresent()) {
            Occurrence o = events.occurrence(e, ctx.option("on"));
            if (o.cancelled()) {
                throw UserError.refused("The " + o.start().atZone(e.zone()).toLocalDate() + " occurrence of event "
                        + e.id() + " is already cancelled.");
            }
            requireAhead(e, o);
            store.database().transaction(() -> {
                store.putOverride(e.id(), new EventStore.Override(o.key(), o.moved() ? Optional.of(o.start())
                        : Optional.empty(), true));
                store.bumpSequence(e.id(), now);
            });
            Event after = store.find(e.id()).orElseThrow();
            Occurrence cancelled = Recurrence.byKey(after, store.overrides(e.id()), o.key()).orElseThrow();
            events.announcer().refresh(after, cancelled);
            events.reminders().unplan(after, cancelled);
            int told = tell(after, List.of(cancelled), zone -> "Cancelled: " + after.title() + " on "
                    + When.at(o.start(), zone) + ". " + Recurrence.next(after, store.overrides(e.id()), o.end())
                    .map(n -> "The next one is " + When.at(n.start(), zone) + ".").orElse(""));
            return Reply.ok("Cancelled the " + o.start().atZone(e.zone()).toLocalDate() + " occurrence of event " + e.id()
                    + " (" + e.title() + "). Told " + people(told) + ".").withData("event", events.announcer().data(after, cancelled));
        }
        List<Occurrence> ahead = Recurrence.between(e, store.overrides(e.id()), now.minus(e.duration()),
                now.plus(Duration.ofDays(62)));
        store.database().transaction(() -> store.cancel(e.id(), now));
        Event after = store.find(e.id()).orElseThrow();
        ahead.forEach(o -> {
            events.announcer().refresh(after, o);
            events.reminders().unplan(after, o);
        });
        int told = tell(after, ahead, zone -> "Cancelled: " + after.title() + " (event " + after.id() + ")"
                + (after.recurring() ? ", the whole series." : ", " + When.at(ahead.isEmpty() ? after.firstStart().toInstant()
                        : ahead.get(0).start(), zone) + "."));
        Map<String, Object> data = ahead.isEmpty() ? Map.of("id", e.id(), "cancelled", true)
                : events.announcer().data(after, ahead.get(0));
        return Reply.ok("Cancelled event " + e.id() + " (" + e.title() + ")" + (e.recurring() ? ", the whole series" : "")
                + ". Told " + people(told) + ".").withData("event", data);
    }

    /** DMs everyone going or maybe to any of the occurrences, once each, in their own zone. */
    private int tell(Event e, List<Occurrence> occurrences, Function<ZoneId, String> text) {
        Set<UserId> people = new LinkedHashSet<>();
        for (Occurrence o : occurrences) {
            Map<Answer, List<UserId>> answers = events.store().answers(e.id(), o.key());
            people.addAll(answers.get(Answer.GOING));
            people.addAll(answers.get(Answer.MAYBE));
        }
        return events.announcer().tell(List.copyOf(people), zone -> Reply.ok(text.apply(zone)));
    }

    private void requireAhead(Event e, Occurrence o) {
        if (!o.start().isAfter(events.now())) {
            throw UserError.refused("The " + o.start().atZone(e.zone()).toLocalDate() + " occurrence of event " + e.id()
                    + " has already started; it can no longer be changed.");
        }
    }

    private Instant future(ZonedDateTime start, ZoneId zone) {
        Instant now = events.now();
        if (!start.toInstant().isAfter(now)) {
            throw new UserError(When.at(start.toInstant(), zone) + " is in the past (it is now " + When.at(now, zone)
                    + "). Pick a later date or time.");
        }
        return start.toInstant();
    }

    private static String people(int n) {
        return n == 0 ? "nobody (no one had answered going or maybe)" : n == 1 ? "1 person" : n + " people";
    }
}
