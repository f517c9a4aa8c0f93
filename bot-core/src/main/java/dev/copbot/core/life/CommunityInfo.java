package dev.copbot.core.life;

import dev.copbot.core.community.Community;
import dev.copbot.core.community.InfoDetails;
import dev.copbot.core.event.Events;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Plural;
import dev.copbot.core.reply.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code community info} beyond the charter: active members, experts, the next event and the health headline, all
 * counted from channels the viewer may read (as {@code health} does), so a private channel never shows through.
 */
public final class CommunityInfo implements InfoDetails {
    static final Duration WINDOW = Duration.ofDays(30);
    static final int EXPERTS = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'");

    private final CommunityLife life;

    public CommunityInfo(CommunityLife life) {
        this.life = life;
    }

    @Override
    public void add(Community c, UserId viewer, List<Field> fields, Map<String, Object> data) {
        Instant now = life.clock.instant();
        List<ChannelId> readable = life.readable(c, viewer);
        HealthFigures month = HealthFigures.compute(life.activity, life.communities, life.events, c.name(), readable,
                now.minus(WINDOW), now);
        data.put("activeMembers", month.activeMembers());
        fields.add(new Field("Active members (30 days)", month.activeMembers() + " of " + Plural.count(month.members(),
                "member")));
        List<String> experts = experts(c, viewer);
        data.put("experts", experts);
        fields.add(new Field("Experts", experts.isEmpty() ? "none yet: accepted answers make them" : String.join(", ", experts)));
        Optional<Events.Session> next = life.events.sessions(c.name(), now, now.plus(Duration.ofDays(366))).stream().findFirst();
        data.put("nextEvent", next.map(CommunityInfo::event).orElse(null));
        fields.add(new Field("Next event", next.map(s -> s.title() + ", " + TimeText.mark(s.start(),
                WHEN.format(s.start().atOffset(ZoneOffset.UTC))) + " (/cop rsvp " + s.eventId() + " going)")
                .orElse("none planned")));
        String headline = HealthCommands.headline(month);
        data.put("health", headline);
        fields.add(new Field("Health (30 days)", headline + " (/cop health " + c.name() + ")"));
    }

    private List<String> experts(Community c, UserId viewer) {
        return life.figures().experts(c, viewer, EXPERTS).stream().map(life.users::displayName).toList();
    }

    private static Map<String, Object> event(Events.Session s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.eventId());
        out.put("title", s.title());
        out.put("start", s.start().toString());
        return out;
    }
}
