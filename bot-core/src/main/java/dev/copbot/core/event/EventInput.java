package dev.copbot.core.event;

import dev.copbot.core.command.UserError;
import dev.copbot.core.command.ZoneArgument;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/** Reads what people type for an event (dates, times, zones, durations, repeat rules) and explains what is wrong. */
public final class EventInput {
    public static final int MAX_TITLE = 120;
    public static final int MAX_TEXT = 1500;
    static final Duration MAX_DURATION = Duration.ofDays(7);
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,3})\\s*d)?\\s*(?:(\\d{1,3})\\s*h)?\\s*(?:(\\d{1,4})\\s*m(?:in)?)?");
    private static final Pattern TIME_12H = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)");
    private static final Set<Frequency> TOO_FREQUENT = Set.of(Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY);

    private EventInput() {}

    public static LocalDate date(String typed, LocalDate today) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        if (t.equals("today")) {
            return today;
        }
        if (t.equals("tomorrow")) {
            return today.plusDays(1);
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new UserError("'" + typed + "' is not a date I can read. Write it as YYYY-MM-DD, e.g. "
                    + today.plusDays(7) + " (or today, tomorrow).");
        }
    }

    public static LocalTime time(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        Matcher twelve = TIME_12H.matcher(t);
        try {
            if (twelve.matches()) {
                int h = Integer.parseInt(twelve.group(1));
                int m = twelve.group(2) == null ? 0 : Integer.parseInt(twelve.group(2));
                if (h >= 1 && h <= 12) {
                    return LocalTime.of(h % 12 + (twelve.group(3).equals("pm") ? 12 : 0), m);
                }
            } else if (t.matches("\\d{1,2}:\\d{2}")) {
                return LocalTime.parse(t.length() == 4 ? "0" + t : t);
            }
        } catch (DateTimeException e) {
            // falls through to the explanation
        }
        throw new UserError("'" + typed + "' is not a time I can read. Write it as HH:MM on the 24-hour clock, "
                + "e.g. 12:00 or 18:30 (or 6pm).");
    }

    public static ZoneId zone(String typed) {
        return ZoneArgument.parse(typed);
    }

    public static Duration duration(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        Matcher m = DURATION.matcher(t);
        if (!t.isEmpty() && m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
            d = Duration.ofDays(num(m.group(1))).plusHours(num(m.group(2))).plusMinutes(num(m.group(3)));
        } else if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null) {
            throw new UserError("'" + typed + "' is not a duration I can read. Write it like 45m, 1h, 1h30m or 2d.");
        }
        if (d.isZero() || d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
            throw new UserError("A duration of '" + typed + "' makes no sense for an event: give between 1 minute "
                    + "and 7 days, e.g. duration:45m or duration:1h30m.");
        }
        return d;
    }

    /** weekly, biweekly, monthly, daily, or an iCalendar RRULE (FREQ=WEEKLY;BYDAY=TU,TH). Empty for none. */
    public static Optional<String> repeat(String typed) {
        String t = typed.strip();
        String rule = switch (t.toLowerCase(Locale.ROOT)) {
            case "none", "never", "once", "no" -> null;
            case "daily" -> "FREQ=DAILY";
            case "weekly" -> "FREQ=WEEKLY";
            case "biweekly", "fortnightly" -> "FREQ=WEEKLY;INTERVAL=2";
            case "monthly" -> "FREQ=MONTHLY";
            default -> {
                String r = t.regionMatches(true, 0, "RRULE:", 0, 6) ? t.substring(6) : t;
                yield r.toUpperCase(Locale.ROOT);
            }
        };
        if (rule == null) {
            return Optional.empty();
        }
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(rule, false);
        } catch (RuntimeException e) {
            throw new UserError("'" + typed + "' is not a repeat rule I can use (" + e.getMessage() + "). Write "
                    + "repeat:weekly, repeat:biweekly, repeat:monthly, or an iCalendar RRULE such as "
                    + "repeat:\"FREQ=WEEKLY;BYDAY=TU,TH\".");
        }
        if (TOO_FREQUENT.contains(recur.getFrequency())) {
            throw new UserError("An event cannot repeat " + recur.getFrequency().name().toLowerCase(Locale.ROOT)
                    + "; repeat it daily at most, e.g. repeat:daily or repeat:\"FREQ=WEEKLY;BYDAY=MO,WE,FR\".");
        }
        if (rule.matches(".*(INTERVAL|COUNT)=(0+|-\\d+)(;.*)?")) {
            throw new UserError("'" + typed + "' never repeats (INTERVAL and COUNT must be at least 1).");
        }
        return Optional.of(recur.toString());
    }

    /** The start as a zoned time; a local time skipped by a DST change is refused rather than silently moved. */
    public static ZonedDateTime start(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        if (!zone.getRules().isValidOffset(local, zone.getRules().getOffset(local))
                || zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new UserError(time + " does not exist on " + date + " in " + zone.getId()
                    + ": the clocks skip it for daylight saving time. Pick a time outside the gap, e.g. "
                    + time.plusHours(1) + ".");
        }
        return local.atZone(zone);
    }

    public static String text(String field, String value, int max) {
        String v = value.strip();
        if (v.isEmpty()) {
            throw new UserError("The " + field + " is empty; write something, or leave the option out.");
        }
        if (v.length() > max) {
            throw new UserError("The " + field + " is " + v.length() + " characters long; keep it under " + max + ".");
        }
        return v;
    }

    private static long num(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
