package dev.copbot.core.event;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Community;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound.FormSubmitted;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code event create} (as a command, or a form on Slack and Discord) and {@code event settings}. */
final class EventCommands {
    static final String CREATE_USAGE = "/cop event create \"<title>\" <date> <time> [tz:Europe/Berlin] [duration:45m] "
            + "[community:name] [where:\"Room 4 / URL\"] [repeat:weekly|biweekly|monthly|<RRULE>] [description:\"…\"]";
    private static final List<String> FIELDS = List.of("tz", "duration", "community", "where", "repeat", "description");

    private final Events events;

    EventCommands(Events events) {
        this.events = events;
    }

    void register(Registry registry) {
        var spec = command("event create").param(optional("\"title\"")).param(optional("date")).param(optional("time"));
        for (String f : FIELDS) {
            spec.option(f, switch (f) {
                case "tz" -> "Europe/Berlin";
                case "duration" -> "45m";
                case "community" -> "name";
                case "where" -> "\"Room 4 / URL\"";
                case "repeat" -> "weekly|biweekly|monthly|<RRULE>";
                default -> "\"…\"";
            });
        }
        registry.command(spec.access(Access.LEADER)
                .summary("Announce an event in the community's channel, with RSVP buttons and reminders. "
                        + "On Slack and Discord, with no arguments, it opens a form.")
                .example("/cop event create \"Lunch & learn: Kafka\" 2026-12-03 12:00 tz:Europe/Berlin duration:45m "
                        + "where:\"Room 4\" repeat:weekly")
                .handler(this::create));
        registry.command(command("event settings").param(required("community"))
                .option("reminders", "24h,1h").option("announce", "2d").access(Access.LEADER)
                .summary("When reminders go to people going (or reminders:none), and how early each occurrence "
                        + "is announced.")
                .example("/cop event settings data-science reminders:24h,1h announce:2d").handler(this::settings));
    }

    private Reply create(CommandContext ctx) {
        if (ctx.args().isEmpty() && ctx.options().isEmpty() && ctx.interaction().isPresent()) {
            return Reply.ok("Fill in the form to announce the event.").withForm(form(ctx.actor(), ctx.admin(), ctx.channel()));
        }
        if (ctx.args().size() < 3) {
            String missing = List.of("\"title\"", "date", "time").get(ctx.args().size());
            throw new UserError("Missing <" + missing + "> for 'event create'. Give the title (in quotes), the date "
                    + "and the start time.");
        }
        Map<String, String> values = new HashMap<>(ctx.options());
        values.put("title", ctx.arg(0));
        values.put("date", ctx.arg(1));
        values.put("time", ctx.arg(2));
        return create(ctx.actor(), ctx.admin(), ctx.channel(), values);
    }

    /** A submitted creation form: the same checks and answers as the command. */
    Reply submit(FormSubmitted form, boolean admin) {
        Map<String, String> values = new HashMap<>();
        form.values().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                values.put(k, v);
            }
        });
        for (String needed : List.of("title", "date", "time")) {
            if (!values.containsKey(needed)) {
                throw new UserError("The form is missing the " + needed + ".");
            }
        }
        ChannelId channel = form.context().isBlank() ? form.actor().id().channel("unknown") : ChannelId.parse(form.context());
        return create(form.actor(), admin, channel, values).withCommand("event create");
    }

    private Reply create(Actor actor, boolean admin, ChannelId channel, Map<String, String> v) {
        String title = EventInput.text("title", v.get("title"), EventInput.MAX_TITLE);
        ZoneId zone = Optional.ofNullable(v.get("tz")).map(EventInput::zone).orElseGet(() -> events.zoneOf(actor));
        LocalDate date = EventInput.date(v.get("date"), events.today(zone));
        LocalTime time = EventInput.time(v.get("time"));
        ZonedDateTime start = EventInput.start(date, time, zone);
        Instant now = events.now();
        if (!start.toInstant().isAfter(now)) {
            throw new UserError(When.at(start.toInstant(), zone) + " is in the past (it is now "
                    + When.at(now, zone) + "). Pick a later date or time, e.g. " + events.today(zone).plusDays(7) + " " + time + ".");
        }
        Duration duration = Optional.ofNullable(v.get("duration")).map(EventInput::duration).orElse(Duration.ofHours(1));
        Optional<String> rrule = Optional.ofNullable(v.get("repeat")).flatMap(EventInput::repeat);
        Optional<String> where = Optional.ofNullable(v.get("where")).map(w -> EventInput.text("place", w, 300));
        Optional<String> description = Optional.ofNullable(v.get("description"))
                .map(d -> EventInput.text("description", d, EventInput.MAX_TEXT));
        Community community = events.community(Optional.ofNullable(v.get("community")), actor, admin, channel);
        events.requireOrganiser(actor, admin, community.name(), Optional.empty(), "announce events of " + community.name());

        EventStore store = events.store();
        Event draft = new Event(0, community.name(), title, description, where, zone, start.toLocalDateTime(), duration,
                rrule, 0, actor.id().toString(), Optional.empty());
        if (Recurrence.next(draft, Map.of(), now).isEmpty()) {
            throw new UserError("That repeat rule leaves no occurrence to come. Check its COUNT or UNTIL.");
        }
        Event event = store.database().transaction(c -> {
            Event e = new Event(store.nextId(), draft.community(), title, description, where, zone, draft.start(),
                    duration, rrule, 0, draft.createdBy(), Optional.empty());
            store.insert(e, now);
            return e;
        });
        Occurrence first = Recurrence.next(event, Map.of(), now).orElseThrow();
        int posted = events.announcer().announce(event, first);
        store.claimNotice(event.id(), first.key(), EventReminders.Notice.ANNOUNCE, now);
        events.reminders().plan(event);

        List<String> channels = events.communities().channels(community.name()).stream().map(ch -> "#" + ch.name()).toList();
        String where2 = posted > 0 ? " Announced in " + String.join(", ", channels) + "."
                : " The community has no channel to announce it in (an admin can add one when creating a community).";
        ZoneId reader = events.zoneOf(actor);
        String text = "Created event " + event.id() + ": " + title + ", " + When.span(first.start(), duration, reader)
                + rrule.map(r -> ", repeats " + Announcer.repeats(r)).orElse("") + "." + where2
                + " People going get reminders " + reminderText(store.settings(community.name())) + ".";
        return Reply.ok(text).withData("event", events.announcer().data(event, first));
    }

    private Reply settings(CommandContext ctx) {
        Community c = events.community(Optional.of(ctx.arg(0)), ctx.actor(), ctx.admin(), ctx.channel());
        events.requireOrganiser(ctx.actor(), ctx.admin(), c.name(), Optional.empty(), "change event settings of " + c.name());
        EventSettings current = events.store().settings(c.name());
        List<Duration> reminders = ctx.option("reminders").map(EventCommands::reminders).orElse(current.reminders());
        Duration announce = ctx.option("announce").map(EventInput::duration).orElse(current.announce());
        EventSettings updated = new EventSettings(reminders, announce);
        if (!ctx.options().isEmpty()) {
            events.store().database().transaction(() -> events.store().saveSettings(c.name(), updated));
            events.store().live(Optional.of(c.name())).forEach(events.reminders()::plan);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("community", c.name());
        data.put("reminderMinutes", updated.reminders().stream().map(Duration::toMinutes).toList());
        data.put("announceMinutes", updated.announce().toMinutes());
        return Reply.ok((ctx.options().isEmpty() ? "Events of " : "Updated: events of ") + c.name()
                        + " send reminders " + reminderText(updated) + ", and each occurrence is announced "
                        + When.duration(updated.announce()) + " before it starts.")
                .withData("settings", data);
    }

    private static List<Duration> reminders(String typed) {
        if (typed.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Duration> out = new ArrayList<>();
        for (String part : typed.split(",")) {
            out.add(EventInput.duration(part));
        }
        if (out.size() > 5) {
            throw new UserError("Five reminders at most, e.g. reminders:24h,1h.");
        }
        return out;
    }

    static String reminderText(EventSettings s) {
        return s.reminders().isEmpty() ? "never (reminders are off)"
                : String.join(" and ", s.reminders().stream().map(When::duration).toList()) + " before";
    }

    private Form form(Actor actor, boolean admin, ChannelId channel) {
        ZoneId zone = events.zoneOf(actor);
        List<String> mine = events.organisedBy(actor.id(), admin);
        String date = events.today(zone).plusDays(7).toString();
        Form.Input community = new Form.Input("community", "Community", "data-science",
                mine.size() == 1 ? mine.get(0) : "", false, false, 40);
        List<Form.Input> inputs = List.of(
                new Form.Input("title", "Title", "Lunch & learn: Kafka consumer lag", "", false, true, EventInput.MAX_TITLE),
                new Form.Input("date", "Date (YYYY-MM-DD)", date, "", false, true, 10).as(Form.Input.Kind.DATE),
                new Form.Input("time", "Start time (HH:MM, 24-hour)", "12:00", "", false, true, 8)
                        .as(Form.Input.Kind.TIME),
                new Form.Input("tz", "Time zone", "Europe/Berlin", zone.getId(), false, false, 40),
                new Form.Input("duration", "Duration", "45m", "1h", false, false, 10),
                mine.isEmpty() ? community : community.choosing(mine),
                new Form.Input("where", "Where (room or link)", "Room 4 / https://meet…", "", false, false, 300),
                new Form.Input("repeat", "Repeat (weekly, biweekly, monthly, or an RRULE)", "weekly", "", false, false, 200),
                new Form.Input("description", "Description", "What it is about, who should come", "", true, false,
                        EventInput.MAX_TEXT));
        return new Form(Events.CREATE_FORM, "New event", "Announce", inputs, channel.toString());
    }
}
