package dev.copbot.core.event;

import dev.copbot.core.event.EventStore.Override;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.model.Recur;

/**
 * Expands an event into occurrences with ical4j's RRULE engine, in the event's zone (so a weekly 12:00 stays at
 * 12:00 local time across DST), then applies the cancelled and moved occurrences.
 */
public final class Recurrence {
    /** How far a moved occurrence may stray from its original start and still be found. */
    private static final Duration MOVE_WINDOW = Duration.ofDays(62);

    private Recurrence() {}

    /** Original starts (occurrence keys) in [from, to], before overrides. */
    public static List<Instant> originals(Event e, Instant from, Instant to) {
        ZonedDateTime seed = e.firstStart();
        if (e.rrule().isEmpty()) {
            Instant only = seed.toInstant();
            return only.isBefore(from) || only.isAfter(to) ? List.of() : List.of(only);
        }
        Recur<ZonedDateTime> recur = new Recur<>(e.rrule().get());
        ZonedDateTime start = from.isAfter(seed.toInstant()) ? from.atZone(e.zone()) : seed;
        return recur.getDates(seed, start, to.atZone(e.zone())).stream().map(ZonedDateTime::toInstant)
                .filter(i -> !i.isBefore(from) && !i.isAfter(to)).distinct().sorted().toList();
    }

    /** Occurrences starting in [from, to), with overrides applied; cancelled ones are included and marked. */
    public static List<Occurrence> between(Event e, Map<Instant, Override> overrides, Instant from, Instant to) {
        List<Occurrence> out = new ArrayList<>();
        for (Instant key : originals(e, from.minus(MOVE_WINDOW), to.plus(MOVE_WINDOW))) {
            Occurrence o = apply(e, overrides, key);
            if (!o.start().isBefore(from) && o.start().isBefore(to)) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparing(Occurrence::start));
        return out;
    }

    /** The occurrence with this key, if the series has one. */
    public static Optional<Occurrence> byKey(Event e, Map<Instant, Override> overrides, Instant key) {
        return originals(e, key, key).stream().findFirst().map(k -> apply(e, overrides, k));
    }

    /** The next occurrence that is not cancelled and has not ended at {@code now}. */
    public static Optional<Occurrence> next(Event e, Map<Instant, Override> overrides, Instant now) {
        Instant from = (now.isAfter(e.firstStart().toInstant()) ? now : e.firstStart().toInstant()).minus(e.duration());
        return between(e, overrides, from, from.plus(Duration.ofDays(800))).stream()
                .filter(o -> !o.cancelled() && o.end().isAfter(now)).findFirst();
    }

    private static Occurrence apply(Event e, Map<Instant, Override> overrides, Instant key) {
        Override o = overrides.get(key);
        Instant start = o == null ? key : o.newStart().orElse(key);
        return new Occurrence(e.id(), key, start, start.plus(e.duration()), o != null && o.cancelled());
    }
}
