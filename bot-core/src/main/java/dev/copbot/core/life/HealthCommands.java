package dev.copbot.core.life;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Cost;
import dev.copbot.core.command.Period;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Community;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Plural;
import dev.copbot.core.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /cop health [community] [period:] [until:]} for leaders and admins, and {@code /cop audit} for admins. */
final class HealthCommands {
    static final String DEFINITIONS = "Members: joined before the period ended. Active: posted or reacted in the "
            + "community's channels. Question: a thread started there; answered: someone other than the asker replied; "
            + "solved: the asker accepted an answer (✅). Time to first answer: from the question to the first reply by "
            + "someone else (median). Events held: occurrences that took place; attendance: people who answered Going. "
            + "Only channels you can read count. Trend: against the period before.";
    static final int WEEKS = 12;

    private final CommunityLife life;

    HealthCommands(CommunityLife life) {
        this.life = life;
    }

    void register(Registry registry) {
        registry.command(command("health").param(optional("community")).option("period", "30d").option("until", "YYYY-MM-DD")
                .access(Access.LEADER).cost(Cost.CHART)
                .summary("Is the community alive? Active members, answer rate, time to first answer, events, trend.")
                .example("/cop health kafka").example("/cop health kafka period:quarter until:2026-06-30")
                .handler(this::health));
        registry.command(command("audit").option("inactive", "60d").access(Access.ADMIN)
                .summary("All communities by activity, with inactive ones and likely duplicates to merge or retire.")
                .example("/cop audit").example("/cop audit inactive:90d").handler(this::audit));
    }

    private Reply health(CommandContext ctx) {
        Community c = life.communityFor(ctx, ctx.optionalArg(0));
        life.requireLeader(ctx, c, "see the health of " + c.name());
        Period period = ctx.option("period").map(Period::require).orElse(Period.days((int) LifeFigures.DEFAULT_PERIOD.toDays()));
        Duration length = period.length().orElseThrow(() -> new UserError("Health compares one period with the one "
                + "before, so it needs a length: period:30d, period:quarter…"));
        Instant to = until(ctx);
        Instant from = to.minus(length);
        List<ChannelId> channels = life.readable(c, ctx.actor().id());
        HealthFigures now = HealthFigures.compute(life.activity, life.communities, life.events, c.name(), channels, from, to);
        HealthFigures before = HealthFigures.compute(life.activity, life.communities, life.events, c.name(), channels,
                from.minus(length), from);
        List<HealthChart.Week> weeks = weeks(channels, to);
        Map<String, Object> data = now.data();
        data.put("community", c.name());
        data.put("days", length.toDays());
        data.put("previous", before.data());
        data.put("weekly", weeks.stream().map(w -> Map.of("week", w.start().toString(), "asked", w.asked(),
                "answered", w.answered(), "active", w.active())).toList());
        List<Field> fields = List.of(
                new Field("Members", now.members() + trend(now.members(), before.members())),
                new Field("Active participants", now.active() + trend(now.active(), before.active()) + "; "
                        + now.activeMembers() + " members = " + percent(now.activeShare()) + " of members"),
                new Field("Questions", now.asked() + " asked" + trend(now.asked(), before.asked()) + ", " + now.answered()
                        + " answered (" + percent(now.answerRate()) + ")"),
                new Field("Time to first answer", now.medianFirstAnswer().map(HealthCommands::duration).orElse("—")
                        + before.medianFirstAnswer().map(d -> " (before: " + duration(d) + ")").orElse("")),
                new Field("Solved", now.solved() + " (" + percent(now.solvedShare()) + " of questions)"
                        + trend(now.solved(), before.solved())),
                new Field("Events", now.eventsHeld() + " held" + trend(now.eventsHeld(), before.eventsHeld())
                        + (now.eventsHeld() == 0 ? "" : String.format(Locale.ROOT, ", %.1f going on average",
                        now.averageAttendance()))));
        String title = "Health of " + c.name() + ", " + day(from) + " to " + day(to.minusMillis(1)) + " (" + period.label() + ")";
        Reply reply = Reply.ok(title + ": " + headline(now) + ".")
                .with(new Block.Section("", "", fields)).with(new Block.Context(DEFINITIONS)).withData("health", data);
        String alt = "Weekly questions asked and answered, and active people, over the last " + WEEKS + " weeks: "
                + String.join("; ", weeks.stream().map(w -> w.start() + " " + w.asked() + "/" + w.answered() + "/"
                + w.active()).toList());
        Optional<byte[]> png = HealthChart.png(c.name() + ": the last " + WEEKS + " weeks", weeks);
        return png.map(bytes -> reply.with(new Block.Image("Last " + WEEKS + " weeks", alt,
                "health-" + c.name() + "-" + day(to.minusMillis(1)) + ".png", bytes))).orElse(reply);
    }

    /** The chart's weeks, oldest first: one query for the questions of all twelve, one for the people. */
    private List<HealthChart.Week> weeks(List<ChannelId> channels, Instant to) {
        Duration week = Duration.ofDays(7);
        Instant start = to.minus(week.multipliedBy(WEEKS));
        int[] asked = new int[WEEKS];
        int[] answered = new int[WEEKS];
        for (var t : life.activity.threadsStarted(channels, start, to)) {
            int w = (int) (Duration.between(start, t.postedAt()).toMillis() / week.toMillis());
            asked[w]++;
            answered[w] += t.answered() ? 1 : 0;
        }
        int[] active = life.activity.participantsPer(channels, start, week, WEEKS);
        List<HealthChart.Week> out = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            out.add(new HealthChart.Week(start.plus(week.multipliedBy(w)).atZone(ZoneOffset.UTC).toLocalDate(),
                    asked[w], answered[w], active[w]));
        }
        return out;
    }

    private Reply audit(CommandContext ctx) {
        int days = ctx.option("inactive").map(Period::require).flatMap(Period::length).map(d -> (int) d.toDays())
                .orElse(life.settings.inactiveDays());
        return new Audit(life).report(ctx.actor().id(), ctx.clock().instant(), days);
    }

    /** The end of the window: the end of the day {@code until:} names (UTC), else now. */
    static Instant until(CommandContext ctx) {
        Optional<String> typed = ctx.option("until");
        if (typed.isEmpty()) {
            return ctx.clock().instant();
        }
        try {
            return LocalDate.parse(typed.get()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError("'" + typed.get() + "' is not a date: write until:YYYY-MM-DD, e.g. until:2026-06-30.");
        }
    }

    static String trend(long now, long before) {
        long d = now - before;
        return d == 0 ? " (=)" : " (" + (d > 0 ? "+" : "") + d + ")";
    }

    /** The figures in one line: what the health reply and {@code community info} lead with. */
    static String headline(HealthFigures now) {
        return now.active() + " active, " + Plural.count(now.asked(), "question") + ", " + percent(now.answerRate())
                + " answered";
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    static String duration(Duration d) {
        if (d.toMinutes() < 60) {
            return Math.max(0, d.toMinutes()) + " min";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toDays() + " days " + d.toHoursPart() + " h";
    }

    static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
