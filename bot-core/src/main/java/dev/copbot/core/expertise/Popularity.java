package dev.copbot.core.expertise;

import dev.copbot.core.discussion.MessageStore;
import dev.copbot.core.platform.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topic-blind yardstick for expert finding: everyone of a workspace ranked by accepted answers, then by threads
 * answered (what a leaderboard shows), from what was posted by "now". The asker of a thread never answers it here.
 */
public final class Popularity {
    private final MessageStore store;
    private final Clock clock;

    public Popularity(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Everyone ranked, over every channel of the workspace, as of the clock's now. */
    public List<UserId> ranking(UserId sameScopeAs) {
        return ranking(sameScopeAs, clock.instant());
    }

    /** Everyone ranked from the replies posted by {@code now} (a replay's history). */
    public List<UserId> ranking(UserId sameScopeAs, Instant now) {
        Map<UserId, int[]> counts = new HashMap<>();
        for (AnswerRecords.Answered a : AnswerRecords.strongest(
                AnswerRecords.read(store.database(), sameScopeAs.idPrefix(), now), c -> true, true)) {
            int[] c = counts.computeIfAbsent(a.person(), x -> new int[2]);
            c[0] += a.accepted() ? 1 : 0;
            c[1]++;
        }
        List<UserId> out = new ArrayList<>(counts.keySet());
        out.sort(Comparator.<UserId>comparingInt(u -> -counts.get(u)[0]).thenComparingInt(u -> -counts.get(u)[1])
                .thenComparing(UserId::toString));
        out.remove(sameScopeAs);
        return out;
    }
}
