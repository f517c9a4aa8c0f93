package dev.copbot.core.event;

import java.time.Instant;

/**
 * One occurrence of an event. {@code key} is its original start (the iCalendar RECURRENCE-ID): RSVPs, announcements
 * and sent notices hang off it, so moving one occurrence keeps its answers. {@code start} is when it really starts.
 */
public record Occurrence(long eventId, Instant key, Instant start, Instant end, boolean cancelled) {

    public boolean moved() {
        return !key.equals(start);
    }
}
