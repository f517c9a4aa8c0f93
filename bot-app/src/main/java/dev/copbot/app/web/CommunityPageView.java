package dev.copbot.app.web;

import dev.copbot.app.web.Views.CommunityPage;
import dev.copbot.app.web.Views.EventView;
import dev.copbot.app.web.Views.LabelledValue;
import dev.copbot.app.web.Views.Link;
import dev.copbot.app.web.Views.MonthRow;
import dev.copbot.app.web.Views.ThreadView;
import dev.copbot.core.CopBot;
import dev.copbot.core.community.CharterField;
import dev.copbot.core.community.Community;
import dev.copbot.core.community.Role;
import dev.copbot.core.discussion.Activity.ThreadSummary;
import dev.copbot.core.life.HealthFigures;
import dev.copbot.core.life.LifeFigures;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Plural;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One community as its viewer may see it: the charter, leaders, the channels they may read, health over 30 days and
 * month by month (for its leaders and admins, as {@code /cop health} is), the threads worth reading and those still
 * waiting for an answer, experts and upcoming events with the calendar to subscribe to.
 */
final class CommunityPageView {
    static final int MONTHS = 12;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

    private final CopBot bot;
    private final Optional<String> publicUrl;

    CommunityPageView(CopBot bot, Optional<String> publicUrl) {
        this.bot = bot;
        this.publicUrl = publicUrl;
    }

    /** Empty when there is no such community or the viewer may not see it: the same answer for both. */
    Optional<CommunityPage> of(String name, UserId viewer, boolean admin) {
        Optional<Community> found = bot.privacy().find(viewer, name).filter(c -> !c.archived());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Community c = found.get();
        LifeFigures figures = bot.life().figures();
        Instant now = Instant.now(bot.clock());
        List<Channel> channels = bot.privacy().channels(viewer, c.name());
        Map<ChannelId, String> channelNames = channels.stream().collect(Collectors.toMap(Channel::id, Channel::name, (a, b) -> a));
        List<LabelledValue> charter = new ArrayList<>();
        for (CharterField f : CharterField.values()) {
            c.charter(f).ifPresent(v -> charter.add(new LabelledValue(f.label(), v)));
        }
        List<String> leaders = bot.privacy().store().withRole(c.name(), Role.LEADER).stream().map(bot.users()::displayName).toList();
        HealthFigures month = figures.health(c, viewer, now.minus(LifeFigures.DEFAULT_PERIOD), now);
        List<LabelledValue> health = List.of(
                new LabelledValue("Members", Long.toString(month.members())),
                new LabelledValue("Active participants", month.active() + " (" + Plural.count(month.activeMembers(), "member") + ", "
                        + LifeFigures.percent(month.activeShare()) + " of members)"),
                new LabelledValue("Questions", month.asked() + " asked, " + month.answered() + " answered ("
                        + LifeFigures.percent(month.answerRate()) + ")"),
                new LabelledValue("Time to first answer (median)", month.medianFirstAnswer().map(LifeFigures::duration).orElse("—")),
                new LabelledValue("Solved", month.solved() + " (" + LifeFigures.percent(month.solvedShare()) + " of questions)"),
                new LabelledValue("Events held", Integer.toString(month.eventsHeld())));
        boolean leader = admin || bot.privacy().store().hasRole(c.name(), viewer, Role.LEADER);
        List<MonthRow> months = new ArrayList<>();
        String chart = "";
        if (leader) {
            List<HealthFigures> monthly = figures.monthly(c, viewer, MONTHS);
            List<SvgCharts.Month> points = new ArrayList<>();
            for (HealthFigures m : monthly) {
                String label = MONTH.format(m.from().atZone(ZoneOffset.UTC));
                points.add(new SvgCharts.Month(label, m.asked(), m.answered(), m.active()));
                months.add(new MonthRow(label, (int) m.members(), m.active(), m.asked(), m.answered(),
                        m.asked() == 0 ? "—" : LifeFigures.percent(m.answerRate()),
                        m.medianFirstAnswer().map(LifeFigures::duration).orElse("—")));
            }
            chart = SvgCharts.monthly(points, "Questions asked (blue) and answered (green), and active participants "
                    + "(orange line), month by month over the last " + MONTHS + " months");
        }
        List<EventView> events = figures.upcoming(c, 90).stream().limit(10).map(s -> new EventView(s.eventId(), s.title(),
                WHEN.format(s.start().atZone(ZoneOffset.UTC)), s.location().orElse(""), s.going())).toList();
        boolean isPrivate = bot.privacy().isPrivate(c.name());
        Link calendar = isPrivate ? null : new Link("Subscribe to the calendar of " + c.name(),
                publicUrl.orElse("") + "/calendar/" + c.name() + ".ics");
        String calendarNote = isPrivate ? "This community is private: its calendar feed is personal. Get yours with "
                + "/cop event feed " + c.name() + " in chat." : "";
        return Optional.of(new CommunityPage(c.name(), c.purpose().orElse(""), charter, leaders,
                channels.stream().map(ch -> "#" + ch.name()).toList(), health, leader, chart, months,
                threads(figures.topThreads(c, viewer, 5), channelNames),
                threads(figures.unanswered(c, viewer, Duration.ofDays(90), 10), channelNames),
                figures.experts(c, viewer, 5).stream().map(bot.users()::displayName).toList(), events, calendar,
                calendarNote));
    }

    private static List<ThreadView> threads(List<ThreadSummary> threads, Map<ChannelId, String> names) {
        return threads.stream().map(t -> new ThreadView(t.title(), "#" + names.getOrDefault(t.key().channel(), "?"),
                DAY.format(t.postedAt().atZone(ZoneOffset.UTC)), t.replies(), t.solved())).toList();
    }
}
