package dev.copbot.core.event;

import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.MessageId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar (RFC 5545) for one event or a community's feed, written with ical4j: a stable UID per event, SEQUENCE
 * bumped on every edit, DTSTART in the event's zone with a compact VTIMEZONE (UTC times for UTC events), RRULE, cancelled occurrences as EXDATE,
 * moved ones as RECURRENCE-ID overrides, and a cancelled event as STATUS:CANCELLED.
 */
public record EventCalendar(EventStore store, ChatPorts ports, Clock clock) {
    public String ics(List<Event> events, String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CoP Bot//Events//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // No METHOD: a subscribed feed is not an iTIP message, and PUBLISH would require an ORGANIZER we lack.
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Map<ZoneId, Instant> zones = new LinkedHashMap<>(); // each zone from its first event on
        events.stream().filter(e -> !CompactZone.isUtc(e.zone()))
                .forEach(e -> zones.merge(e.zone(), e.firstStart().toInstant(), (a, b) -> a.isBefore(b) ? a : b));
        zones.forEach((zone, from) -> calendar.add(CompactZone.of(zone, from)));
        for (Event e : events) {
            Map<Instant, EventStore.Override> overrides = store.overrides(e.id());
            calendar.add(master(e, overrides));
            overrides.values().stream().filter(o -> !o.cancelled() && o.newStart().isPresent())
                    .forEach(o -> calendar.add(moved(e, o)));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private VEvent master(Event e, Map<Instant, EventStore.Override> overrides) {
        VEvent v = base(e, e.firstStart());
        e.rrule().ifPresent(rule -> v.add(new RRule<>(rule)));
        List<ZonedDateTime> cancelled = overrides.values().stream().filter(EventStore.Override::cancelled)
                .map(o -> o.originalStart().atZone(e.zone())).toList();
        if (!cancelled.isEmpty() && CompactZone.isUtc(e.zone())) {
            v.add(new ExDate<>(new DateList<>(cancelled.stream().map(ZonedDateTime::toInstant).toList())));
        } else if (!cancelled.isEmpty()) {
            v.add(new ExDate<>(tz(e), new DateList<>(cancelled)));
        }
        if (e.cancelled()) {
            v.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        return v;
    }

    private VEvent moved(Event e, EventStore.Override o) {
        VEvent v = base(e, o.newStart().orElseThrow().atZone(e.zone()));
        ZonedDateTime original = o.originalStart().atZone(e.zone());
        v.add(CompactZone.isUtc(e.zone()) ? new RecurrenceId<>(original.toInstant()) : new RecurrenceId<>(tz(e), original));
        if (e.cancelled()) {
            v.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        return v;
    }

    private VEvent base(Event e, ZonedDateTime start) {
        VEvent v = new VEvent(false);
        v.add(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        v.add(new Uid(e.uid()));
        v.add(CompactZone.isUtc(e.zone()) ? new DtStart<>(start.toInstant()) : new DtStart<>(start));
        v.add(new Duration(e.duration()));
        v.add(new Summary(e.title()));
        v.add(new Sequence((int) e.sequence()));
        e.description().ifPresent(d -> v.add(new Description(d)));
        e.location().ifPresent(l -> v.add(new Location(l)));
        url(e).ifPresent(u -> v.add(new Url(u)));
        return v;
    }

    /** A link for the event: the place when it is a link (a video call), else the first announcement. */
    private Optional<URI> url(Event e) {
        Optional<URI> place = e.location().filter(l -> l.matches("https?://\\S+")).flatMap(EventCalendar::uri);
        if (place.isPresent()) {
            return place;
        }
        Instant first = e.firstStart().toInstant();
        for (MessageId m : store.announcements(e.id(), first)) {
            Optional<URI> link = ports.of(m.channel().platform()).flatMap(p -> safePermalink(p, m)).flatMap(EventCalendar::uri);
            if (link.isPresent()) {
                return link;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> safePermalink(ChatPort port, MessageId m) {
        try {
            return port.permalink(m);
        } catch (RuntimeException ex) {
            return Optional.empty();
        }
    }

    private static Optional<URI> uri(String text) {
        try {
            URI u = URI.create(text);
            return u.getScheme() == null ? Optional.empty() : Optional.of(u);
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private static ParameterList tz(Event e) {
        return new ParameterList(List.of(new TzId(e.zone().getId())));
    }
}
