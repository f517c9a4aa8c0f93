package dev.copbot.core.life;

import dev.copbot.core.community.Community;
import dev.copbot.core.community.Role;
import dev.copbot.core.discussion.Activity.ThreadSummary;
import dev.copbot.core.event.Events;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of community life for other views than chat (the web dashboard): the very computations behind
 * {@code /cop health}, {@code /cop audit} and {@code community info}, so every view shows the same numbers. Like
 * them, each counts only the channels the viewer may read now.
 */
public final class LifeFigures {
    private final CommunityLife life;

    LifeFigures(CommunityLife life) {
        this.life = life;
    }

    /** The health of {@code c} over {@code [from, to)}: what {@code /cop health} shows for that window. */
    public HealthFigures health(Community c, UserId viewer, Instant from, Instant to) {
        return HealthFigures.compute(life.activity, life.communities, life.events, c.name(), life.readable(c, viewer),
                from, to);
    }

    /** The health of each of the last {@code months} calendar months (UTC) up to now, oldest first; the last is partial. */
    public List<HealthFigures> monthly(Community c, UserId viewer, int months) {
        Instant now = life.clock.instant();
        List<ChannelId> readable = life.readable(c, viewer);
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<HealthFigures> out = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            YearMonth m = current.minusMonths(i);
            Instant from = m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            out.add(HealthFigures.compute(life.activity, life.communities, life.events, c.name(), readable, from,
                    to.isAfter(now) ? now : to));
        }
        return out;
    }

    /** Active participants in each of {@code count} windows of {@code step} ending now, oldest first: a trend line. */
    public int[] activeTrend(Community c, UserId viewer, Duration step, int count) {
        Instant now = life.clock.instant();
        return life.activity.participantsPer(life.readable(c, viewer), now.minus(step.multipliedBy(count)), step, count);
    }

    /** What {@code /cop audit} reports, with the bot's inactivity setting. */
    public AuditReport audit(UserId viewer) {
        return new Audit(life).scan(viewer, life.clock.instant(), life.settings.inactiveDays());
    }

    /** The solved threads most worth reading, from the channels the viewer may read. */
    public List<ThreadSummary> topThreads(Community c, UserId viewer, int limit) {
        return life.activity.mostUseful(life.readable(c, viewer), limit);
    }

    /** Questions of the last {@code window} nobody else has replied to yet, newest first. */
    public List<ThreadSummary> unanswered(Community c, UserId viewer, Duration window, int limit) {
        Instant now = life.clock.instant();
        return life.activity.threadsStarted(life.readable(c, viewer), now.minus(window), now).stream()
                .filter(t -> !t.answered()).sorted((a, b) -> b.postedAt().compareTo(a.postedAt())).limit(limit).toList();
    }

    /** Those given the expert role first, then the most accepted answers of the last 90 days (as community info). */
    public List<UserId> experts(Community c, UserId viewer, int limit) {
        Instant now = life.clock.instant();
        Set<UserId> out = new LinkedHashSet<>(life.communities.withRole(c.name(), Role.EXPERT));
        life.activity.acceptedAnswers(life.readable(c, viewer), now.minus(Duration.ofDays(90)), now).entrySet().stream()
                .sorted(Map.Entry.<UserId, Integer>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().toString()))
                .forEach(e -> out.add(e.getKey()));
        return out.stream().limit(limit).toList();
    }

    /** The community's event occurrences in the next {@code days} days. */
    public List<Events.Session> upcoming(Community c, int days) {
        Instant now = life.clock.instant();
        return life.events.sessions(c.name(), now, now.plus(Duration.ofDays(days)));
    }

    /** A duration as chat writes it ("45 min", "3 h 20 min", "2 days 4 h"). */
    public static String duration(Duration d) {
        return HealthCommands.duration(d);
    }

    /** A share as chat writes it ("67%"). */
    public static String percent(double share) {
        return HealthCommands.percent(share);
    }

    /** How long health's period is when nobody says: the window of the dashboard's figures too. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    /** When the charter was last reviewed (or the community founded). */
    public Instant charterReviewed(Community c) {
        return life.store.charterReviewed(c.name());
    }
}
