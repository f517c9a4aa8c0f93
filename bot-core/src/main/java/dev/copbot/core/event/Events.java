package dev.copbot.core.event;

import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Community;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.community.Privacy;
import dev.copbot.core.community.Role;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The events feature: commands ({@code event create|edit|cancel|who|ics|feed|settings}, {@code events}, {@code rsvp}),
 * the creation form, durable reminders and calendar feeds: public for a public community, per person (a secret URL)
 * for a private one. Built by the composition root and plugged in as a {@link Feature}.
 */
public final class Events implements Feature {
    public static final String CREATE_FORM = "event.create";

    private final EventStore store;
    private final CommunityStore communities;
    private final Privacy privacy;
    private final FeedTokens feedTokens;
    private final Optional<String> publicUrl;
    private final UserDirectory users;
    private final Announcer announcer;
    private final EventReminders reminders;
    private final EventCalendar calendar;
    private final Clock clock;

    /** {@code publicUrl}: where people reach the bot's HTTP server, for the feed links (without it, the path alone). */
    public Events(Database db, CommunityStore communities, Privacy privacy, UserDirectory users, ChatPorts ports,
                  Clock clock, Optional<String> publicUrl) {
        this.store = new EventStore(db);
        this.communities = communities;
        this.privacy = privacy;
        this.feedTokens = new FeedTokens(db);
        this.publicUrl = publicUrl;
        this.users = users;
        this.clock = clock;
        this.announcer = new Announcer(store, communities, ports, clock);
        this.reminders = new EventReminders(db, store, announcer, clock);
        this.calendar = new EventCalendar(store, ports, clock);
    }

    /** Registers the commands, the creation form and the notice jobs. */
    @Override
    public void register(Registry registry) {
        EventCommands create = new EventCommands(this);
        create.register(registry);
        registry.form(CREATE_FORM, create::submit);
        new EventChanges(this).register(registry);
        new AttendanceCommands(this).register(registry);
        new FeedCommands(this).register(registry);
        reminders.tasks().forEach(registry::job);
    }

    public EventReminders reminders() {
        return reminders;
    }

    /**
     * The public iCalendar feed of a community ({@code /calendar/<community>.ics}): only for a community whose channels
     * are all public. A private one answers as one that does not exist; its members have feeds of their own.
     */
    public Optional<String> feed(String community) {
        return communities.find(community.toLowerCase(Locale.ROOT)).filter(c -> !privacy.isPrivate(c.name()))
                .map(c -> calendar.ics(store.all(c.name()), c.name() + " (CoP Bot)"));
    }

    /**
     * A person's feed of a community ({@code /calendar/<community>/<token>.ics}): when the token is live, was issued
     * for this community, and its owner may still see the community (someone who left its private channels loses it).
     */
    public Optional<String> feed(String community, String token) {
        String name = community.toLowerCase(Locale.ROOT);
        return feedTokens.owner(token).filter(o -> o.community().equals(name))
                .flatMap(o -> communities.find(name).filter(c -> privacy.maySee(o.user(), c)))
                .map(c -> calendar.ics(store.all(c.name()), c.name() + " (CoP Bot)"));
    }

    /** An occurrence someone said they are going to. */
    public record Going(long eventId, String title, String community, Instant start) {}

    /** The occurrences of the next {@code days} days that {@code user} answered Going to, soonest first. */
    public List<Going> goingFor(UserId user, int days) {
        Instant now = clock.instant();
        List<Going> out = new ArrayList<>();
        for (Event e : store.live(Optional.empty())) {
            for (Occurrence o : Recurrence.between(e, store.overrides(e.id()), now, now.plus(Duration.ofDays(days)))) {
                if (!o.cancelled() && store.answerOf(e.id(), o.key(), user).filter(a -> a == Answer.GOING).isPresent()) {
                    out.add(new Going(e.id(), e.title(), e.community(), o.start()));
                }
            }
        }
        out.sort(Comparator.comparing(Going::start));
        return out;
    }

    /** One occurrence of a community's event, with how many said they were going. */
    public record Session(long eventId, String title, Instant start, Optional<String> location, int going) {}

    /** Occurrences of the community's events that start in {@code [from, to)} and were not cancelled, soonest first. */
    public List<Session> sessions(String community, Instant from, Instant to) {
        List<Session> out = new ArrayList<>();
        for (Event e : store.all(community)) {
            for (Occurrence o : Recurrence.between(e, store.overrides(e.id()), from, to)) {
                boolean heldBeforeCancel = e.cancelledAt().map(c -> o.start().isBefore(c)).orElse(true);
                if (!o.cancelled() && heldBeforeCancel) {
                    List<UserId> going = store.answers(e.id(), o.key()).getOrDefault(Answer.GOING, List.of());
                    out.add(new Session(e.id(), e.title(), o.start(), e.location(), going.size()));
                }
            }
        }
        out.sort(Comparator.comparing(Session::start).thenComparingLong(Session::eventId));
        return out;
    }

    // --- shared by the command classes --------------------------------------------------------------------------

    EventStore store() {
        return store;
    }

    CommunityStore communities() {
        return communities;
    }

    Privacy privacy() {
        return privacy;
    }

    FeedTokens feedTokens() {
        return feedTokens;
    }

    Optional<String> publicUrl() {
        return publicUrl;
    }

    UserDirectory users() {
        return users;
    }

    Announcer announcer() {
        return announcer;
    }

    EventCalendar calendar() {
        return calendar;
    }

    Clock clock() {
        return clock;
    }

    /** The reader's zone: what the platform says, else what it said last time, else UTC. */
    ZoneId zoneOf(Actor actor) {
        return actor.zone().or(() -> store.zoneOf(actor.id())).orElse(ZoneId.of("UTC"));
    }

    /** The event with the typed id, when {@code reader} may see its community (else it answers as a missing one). */
    Event event(String typed, UserId reader) {
        String t = typed.strip().startsWith("#") ? typed.strip().substring(1) : typed.strip();
        long id;
        try {
            id = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new UserError("'" + typed + "' is not an event id: ids are numbers, as in /cop event who 12. "
                    + "/cop events lists upcoming events with their ids.");
        }
        return store.find(id).filter(e -> communities.find(e.community()).map(c -> privacy.maySee(reader, c)).orElse(true))
                .orElseThrow(() -> UserError.refused("There is no event " + id
                + ". /cop events lists upcoming events with their ids."));
    }

    Event live(String typed, UserId reader) {
        Event e = event(typed, reader);
        if (e.cancelled()) {
            throw UserError.refused("Event " + e.id() + " (" + e.title() + ") was cancelled.");
        }
        return e;
    }

    /** Leaders and sponsors of the event's community, the bot's admins, and whoever created the event. */
    boolean organises(Actor actor, boolean admin, String community, Optional<Event> event) {
        return admin || communities.hasRole(community, actor.id(), Role.LEADER)
                || communities.hasRole(community, actor.id(), Role.SPONSOR)
                || event.map(e -> e.createdBy().equals(actor.id().toString())).orElse(false);
    }

    /** The live communities whose events this person may announce: the event form's menu. */
    List<String> organisedBy(UserId user, boolean admin) {
        Actor actor = Actor.of(user, user.id());
        return communities.all(false).stream().filter(c -> organises(actor, admin, c.name(), Optional.empty()))
                .map(Community::name).toList();
    }

    void requireOrganiser(Actor actor, boolean admin, String community, Optional<Event> event, String action) {
        if (!organises(actor, admin, community, event)) {
            List<String> leaders = communities.withRole(community, Role.LEADER).stream().map(users::displayName).toList();
            throw UserError.refused("Only leaders and sponsors of " + community + " (" + String.join(", ", leaders)
                    + ") and admins can " + action + ". Ask one of them, or ask to be made a leader.");
        }
    }

    /**
     * The community named, else the channel's, else the one the actor organises, else the only one there is; one
     * hidden from the actor (see {@link Privacy}) is never found, suggested or listed.
     */
    Community community(Optional<String> typed, Actor actor, boolean admin, ChannelId channel) {
        if (typed.isPresent()) {
            Community c = privacy.named(actor.id(), typed.get());
            if (c.archived()) {
                throw UserError.refused(c.name() + " is archived; it takes no new events.");
            }
            return c;
        }
        List<String> here = communities.communitiesOfChannel(channel);
        if (here.size() == 1) {
            return communities.find(here.get(0)).orElseThrow();
        }
        List<Community> live = privacy.visible(actor.id(), false);
        List<Community> mine = live.stream().filter(c -> organises(actor, false, c.name(), Optional.empty())).toList();
        if (mine.size() == 1) {
            return mine.get(0);
        }
        if (live.size() == 1) {
            return live.get(0);
        }
        throw new UserError("Which community is it for? Add community:<name>"
                + (mine.isEmpty() ? "" : " (you organise " + String.join(", ", mine.stream().map(Community::name).toList()) + ")")
                + ", or run the command in the community's channel.");
    }

    /** The occurrence on a date (its original or moved day, in the event's zone), else the next one to come. */
    Occurrence occurrence(Event e, Optional<String> on) {
        var overrides = store.overrides(e.id());
        if (on.isEmpty()) {
            return Recurrence.next(e, overrides, now()).orElseThrow(() -> UserError.refused("Event " + e.id() + " ("
                    + e.title() + ") has no occurrence to come."));
        }
        LocalDate day = EventInput.date(on.get(), today(e.zone()));
        Instant from = day.atStartOfDay(e.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(e.zone()).toInstant();
        return Recurrence.between(e, overrides, from.minus(Duration.ofDays(62)), to.plus(Duration.ofDays(62)))
                .stream().filter(o -> within(o.start(), from, to) || within(o.key(), from, to)).findFirst()
                .orElseThrow(() -> UserError.refused("Event " + e.id() + " (" + e.title() + ") has no occurrence on "
                        + day + "." + Recurrence.next(e, overrides, now()).map(n -> " The next one is on "
                        + n.start().atZone(e.zone()).toLocalDate() + ".").orElse("")));
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    Instant now() {
        return clock.instant();
    }
}
