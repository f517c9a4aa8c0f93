package dev.copbot.core.expertise;

import dev.copbot.core.discussion.Activity;
import dev.copbot.core.discussion.MessageStore;
import dev.copbot.core.platform.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topic-blind yardstick for expert finding: everyone of a workspace ranked by accepted answers, then by answers
 * (what a leaderboard shows). Uses the same reading of threads as the expert ranking.
 */
public final class Popularity {
    private static final long CACHE_MILLIS = 10 * 60 * 1000;

    private final Activity activity;
    private final java.time.Clock clock;
    private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** Per channel, per person: accepted answers and answers. */
    private record Cached(Map<dev.copbot.core.platform.ChannelId, Map<UserId, int[]>> counts, long at) {}

    public Popularity(MessageStore store, java.time.Clock clock) {
        this.activity = new Activity(store.database());
        this.clock = clock;
    }

    /** Everyone ranked, over every channel of the workspace (the evaluation's yardstick). */
    public List<UserId> ranking(UserId sameScopeAs) {
        Map<UserId, int[]> counts = counts(sameScopeAs, c -> true);
        List<UserId> out = new ArrayList<>(counts.keySet());
        out.sort(Comparator.<UserId>comparingInt(u -> -counts.get(u)[0]).thenComparingInt(u -> -counts.get(u)[1])
                .thenComparing(UserId::toString));
        out.remove(sameScopeAs);
        return out;
    }

    /**
     * Each person's record in the channels {@code readable} lets through: accepted answers count 2, other answers 1
     * (the prior of the expert ranking, which must not learn from channels the asker cannot read).
     */
    public Map<UserId, Double> records(UserId sameScopeAs, java.util.function.Predicate<dev.copbot.core.platform.ChannelId> readable) {
        Map<UserId, Double> out = new HashMap<>();
        counts(sameScopeAs, readable).forEach((u, c) -> out.put(u, 2.0 * c[0] + (c[1] - c[0])));
        return out;
    }

    private Map<UserId, int[]> counts(UserId sameScopeAs,
                                      java.util.function.Predicate<dev.copbot.core.platform.ChannelId> readable) {
        Map<UserId, int[]> total = new HashMap<>();
        perChannel(sameScopeAs).forEach((channel, people) -> {
            if (readable.test(channel)) {
                people.forEach((u, c) -> {
                    int[] t = total.computeIfAbsent(u, x -> new int[2]);
                    t[0] += c[0];
                    t[1] += c[1];
                });
            }
        });
        return total;
    }

    /**
     * Accepted answers and answers per person and channel, recounted at most every ten minutes per workspace (a record
     * changes slowly). Read with {@link Activity#answerRecords}: one aggregate query, not a pass over every thread.
     */
    private Map<dev.copbot.core.platform.ChannelId, Map<UserId, int[]>> perChannel(UserId sameScopeAs) {
        String workspace = sameScopeAs.workspace();
        long now = clock.millis();
        Cached c = cache.get(workspace);
        if (c == null || now - c.at() > CACHE_MILLIS) {
            c = new Cached(activity.answerRecords(sameScopeAs.idPrefix()), now);
            cache.put(workspace, c);
        }
        return c.counts();
    }
}
