package dev.copbot.core.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times and durations read in replies: "Thu 3 Dec 2026, 12:00 CET", "1 h 30 min". */
public final class When {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private When() {}

    /** "Thu 3 Dec 2026, 12:00–12:45 CET" in {@code zone}. */
    public static String span(Instant start, Duration duration, ZoneId zone) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = s.plus(duration);
        String end = e.toLocalDate().equals(s.toLocalDate()) ? TIME.format(e) : DAY_TIME.format(e);
        return DAY_TIME.format(s) + "–" + end + " " + zoneName(s);
    }

    public static String at(Instant instant, ZoneId zone) {
        ZonedDateTime z = instant.atZone(zone);
        return DAY_TIME.format(z) + " " + zoneName(z);
    }

    public static String duration(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder out = new StringBuilder();
        if (days > 0) {
            out.append(days).append(" d ");
        }
        if (hours > 0) {
            out.append(hours).append(" h ");
        }
        if (minutes > 0 || out.isEmpty()) {
            out.append(minutes).append(" min");
        }
        return out.toString().strip();
    }

    /** "in 1 hour", "in 24 hours", "in 2 days": how far ahead a reminder is. */
    public static String ahead(Duration d) {
        if (d.toMinutes() < 60) {
            return "in " + d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        if (d.toMinutes() % 60 == 0 && d.toHours() <= 48) {
            return "in " + d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return "in " + duration(d);
    }

    private static String zoneName(ZonedDateTime z) {
        String abbreviation = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(z);
        // Zones without a well-known abbreviation print as GMT+05:30; their id reads better.
        return abbreviation.startsWith("GMT+") || abbreviation.startsWith("GMT-") ? z.getZone().getId() : abbreviation;
    }
}
