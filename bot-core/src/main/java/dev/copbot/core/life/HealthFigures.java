package dev.copbot.core.life;

import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.discussion.Activity;
import dev.copbot.core.discussion.Activity.ThreadSummary;
import dev.copbot.core.event.Events;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The numbers of a community's health over one window {@code [from, to)}. Definitions (also in the reply's footer):
 * members are those who joined before the window ends; active participants posted or reacted in the community's
 * channels in the window; a question is a thread started there; it is answered when someone other than the asker
 * replied, and solved when the asker accepted an answer (✅); time to first answer runs from the question to the first
 * reply by someone else; an event was held when an occurrence started in the window and was not cancelled, and its
 * attendance is the number who answered Going.
 */
public record HealthFigures(Instant from, Instant to, long members, int active, int activeMembers, int asked, int answered,
                     Optional<Duration> medianFirstAnswer, int solved, int eventsHeld, double averageAttendance) {

    static HealthFigures compute(Activity activity, CommunityStore communities, Events events, String community,
                                 Collection<ChannelId> channels, Instant from, Instant to) {
        Set<UserId> members = new HashSet<>(communities.membersJoinedBefore(community, to));
        Set<UserId> active = activity.participants(channels, from, to);
        int activeMembers = (int) active.stream().filter(members::contains).count();
        List<ThreadSummary> asked = activity.threadsStarted(channels, from, to);
        List<Duration> waits = new ArrayList<>();
        int solved = 0;
        for (ThreadSummary t : asked) {
            t.firstAnswerAt().ifPresent(at -> waits.add(Duration.between(t.postedAt(), at)));
            solved += t.solved() ? 1 : 0;
        }
        List<Events.Session> held = events.sessions(community, from, to);
        double attendance = held.stream().mapToInt(Events.Session::going).average().orElse(0);
        return new HealthFigures(from, to, members.size(), active.size(), activeMembers, asked.size(), waits.size(),
                median(waits), solved, held.size(), attendance);
    }

    static Optional<Duration> median(List<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
    }

    /** Active members as a share of members (0 when there are none). */
    public double activeShare() {
        return members == 0 ? 0 : (double) activeMembers / members;
    }

    public double answerRate() {
        return asked == 0 ? 0 : (double) answered / asked;
    }

    public double solvedShare() {
        return asked == 0 ? 0 : (double) solved / asked;
    }

    public Map<String, Object> data() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("members", members);
        out.put("active", active);
        out.put("activeMembers", activeMembers);
        out.put("activeShare", round(activeShare()));
        out.put("asked", asked);
        out.put("answered", answered);
        out.put("answerRate", round(answerRate()));
        out.put("medianFirstAnswerMinutes", medianFirstAnswer.map(d -> round(d.toSeconds() / 60.0)).orElse(null));
        out.put("solved", solved);
        out.put("solvedShare", round(solvedShare()));
        out.put("eventsHeld", eventsHeld);
        out.put("averageAttendance", round(averageAttendance));
        return out;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
