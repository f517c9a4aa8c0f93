package dev.copbot.core.expertise;

import dev.copbot.core.platform.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic-blind evidence about each person, as of now: P, the record (every thread answered counts 1, accepted 2), and
 * R, the same record with each answer fading by its age. On small communities a few people answer most questions,
 * and how much and how lately someone answered predicts who answers next better than any topic match.
 */
record Prior(Map<UserId, Double> record, Map<UserId, Double> recent, Map<UserId, int[]> counts, double maxRecord,
             double maxRecent, double totalRecord, double totalRecent) {
    /** An accepted answer counts twice a plain one in P and R: the asker said it solved the question. */
    static final double ACCEPTED = 2;
    /** R's half-life: 90 days did best among 30–180 on the monthly replays of both dumps (final.py). */
    static final double HALF_LIFE_DAYS = 90;

    static Prior of(List<AnswerRecords.Answered> answers, Instant now) {
        Map<UserId, Double> p = new HashMap<>();
        Map<UserId, Double> r = new HashMap<>();
        Map<UserId, int[]> counts = new HashMap<>();
        for (AnswerRecords.Answered a : answers) {
            double w = a.accepted() ? ACCEPTED : 1;
            double days = Math.max(0, Duration.between(a.at(), now).toMillis() / 86_400_000.0);
            p.merge(a.person(), w, Double::sum);
            r.merge(a.person(), w * Math.pow(0.5, days / HALF_LIFE_DAYS), Double::sum);
            int[] c = counts.computeIfAbsent(a.person(), x -> new int[2]);
            c[0] += a.accepted() ? 1 : 0;
            c[1]++;
        }
        return of(p, r, counts);
    }

    static Prior of(Map<UserId, Double> record, Map<UserId, Double> recent, Map<UserId, int[]> counts) {
        return new Prior(record, recent, counts, max(record), max(recent), sum(record), sum(recent));
    }

    private static double max(Map<UserId, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double sum(Map<UserId, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double p(UserId u) {
        return record.getOrDefault(u, 0.0);
    }

    /** P scaled by the best record (0 when nobody has one). */
    double scaledRecord(UserId u) {
        return maxRecord > 0 ? p(u) / maxRecord : 0;
    }

    double scaledRecent(UserId u) {
        return maxRecent > 0 ? recent.getOrDefault(u, 0.0) / maxRecent : 0;
    }

    /** The person's share of all answering: P over the sum of everyone's P (0 when nobody has a record). */
    double share(UserId u) {
        return totalRecord > 0 ? p(u) / totalRecord : 0;
    }

    /** The same share of R, the recent answering. */
    double recentShare(UserId u) {
        return totalRecent > 0 ? recent.getOrDefault(u, 0.0) / totalRecent : 0;
    }

    /** The largest share: the best record's. */
    double bestShare() {
        return totalRecord > 0 ? maxRecord / totalRecord : 0;
    }

    /** Accepted answers and threads answered. */
    int[] countsOf(UserId u) {
        return counts.getOrDefault(u, new int[2]);
    }
}
