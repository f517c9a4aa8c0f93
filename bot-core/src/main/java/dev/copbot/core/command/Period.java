package dev.copbot.core.command;

import dev.copbot.core.reply.Plural;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A look-back window people type: {@code week}, {@code month} (30 days), {@code quarter} (90), {@code year} (365),
 * {@code all}, or a number of days such as {@code 14d}. The window ends now (or at a given instant).
 */
public record Period(String label, Optional<Duration> length) {
    public static final List<String> WORDS = List.of("week", "month", "quarter", "year", "all");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,4})d(ays?)?");
    public static final String USAGE = "week, month, quarter, year, all, or a number of days like 14d";

    public static Period days(int days) {
        return new Period(Plural.count(days, "day"), Optional.of(Duration.ofDays(days)));
    }

    /** The period the word names, or empty when it names none. */
    public static Optional<Period> parse(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        Matcher m = DAYS.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return n < 1 || n > 3650 ? Optional.empty() : Optional.of(days(n));
        }
        return switch (t) {
            case "week" -> Optional.of(new Period("week", Optional.of(Duration.ofDays(7))));
            case "month" -> Optional.of(new Period("30 days", Optional.of(Duration.ofDays(30))));
            case "quarter" -> Optional.of(new Period("90 days", Optional.of(Duration.ofDays(90))));
            case "year" -> Optional.of(new Period("year", Optional.of(Duration.ofDays(365))));
            case "all" -> Optional.of(new Period("all time", Optional.empty()));
            default -> Optional.empty();
        };
    }

    /** The period, or a refusal that lists what works (and the closest word). */
    public static Period require(String typed) {
        return parse(typed).orElseThrow(() -> new UserError("'" + typed + "' is not a period. Use " + USAGE + "."
                + Suggestions.didYouMean(typed, WORDS)));
    }

    /** The window as words after a noun: " in the last 30 days", or nothing for all time ("in the last all time"). */
    public String within() {
        return length.isPresent() ? " in the last " + label : "";
    }

    public Instant start(Instant end) {
        return length.map(end::minus).orElse(Instant.EPOCH);
    }
}
