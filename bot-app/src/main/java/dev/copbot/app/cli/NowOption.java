package dev.copbot.app.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/**
 * {@code --now <ISO-8601 instant>}: run the bot as of that instant (replays, evaluations, tests). The clock starts
 * there and ticks on, so timeouts and caches behave as usual; nothing after it counts as evidence.
 */
public final class NowOption {
    @Option(names = "--now", paramLabel = "INSTANT",
            description = "Run as of this instant (ISO-8601, e.g. 2016-09-01T00:00:00Z or 2016-09-01); default: the real time.")
    String now;

    /** The clock the bot runs on. */
    public Clock clock() {
        return now == null ? Clock.systemUTC() : clockAt(parse(now));
    }

    public static Clock clockAt(Instant start) {
        Clock real = Clock.systemUTC();
        return Clock.offset(real, Duration.between(real.instant(), start));
    }

    public static Instant parse(String typed) {
        String s = typed.strip();
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new ConsoleCommand()),
                    "--now: '" + typed + "' is not an instant; write e.g. 2016-09-01T00:00:00Z or 2016-09-01");
        }
    }
}
