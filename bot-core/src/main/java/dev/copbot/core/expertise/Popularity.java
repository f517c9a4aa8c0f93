package dev.copbot.core.expertise;

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
    private final MessageStore store;

    public Popularity(MessageStore store) {
        this.store = store;
    }

    public List<UserId> ranking(UserId sameScopeAs) {
        Map<UserId, int[]> counts = new HashMap<>();
        store.forEachThread(500, keys -> store.threads(keys).forEach((key, messages) -> {
            if (!key.channel().sameScope(sameScopeAs)) {
                return;
            }
            for (Evidence.Answer a : Evidence.of(messages)) {
                int[] c = counts.computeIfAbsent(a.person(), p -> new int[2]);
                c[0] += a.strength() == Evidence.Strength.ACCEPTED ? 1 : 0;
                c[1]++;
            }
        }));
        List<UserId> out = new ArrayList<>(counts.keySet());
        out.sort(Comparator.<UserId>comparingInt(u -> -counts.get(u)[0]).thenComparingInt(u -> -counts.get(u)[1])
                .thenComparing(UserId::toString));
        out.remove(sameScopeAs);
        return out;
    }
}
