package dev.copbot.core.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * An event of a community: one-off, or a series following an iCalendar RRULE. {@code start} is the local start of
 * the first occurrence in {@code zone}; occurrences are computed in that zone, so 12:00 stays 12:00 across DST.
 */
public record Event(long id, String community, String title, Optional<String> description, Optional<String> location,
                    ZoneId zone, LocalDateTime start, Duration duration, Optional<String> rrule, long sequence,
                    String createdBy, Optional<Instant> cancelledAt) {

    public ZonedDateTime firstStart() {
        return start.atZone(zone);
    }

    public boolean recurring() {
        return rrule.isPresent();
    }

    public boolean cancelled() {
        return cancelledAt.isPresent();
    }

    /** The iCalendar UID: stable for the life of the event, whatever is edited. */
    public String uid() {
        return "event-" + id + "-" + community + "@copbot";
    }
}
