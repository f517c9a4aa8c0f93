package dev.copbot.core.command;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean …": the candidates closest to a mistyped word, by edit distance (a swap of two letters counts once). */
public final class Suggestions {
    private Suggestions() {}

    public static List<String> closest(String input, Collection<String> candidates, int max) {
        String in = input.toLowerCase(Locale.ROOT);
        int budget = Math.max(1, Math.min(3, in.length() / 3));
        return candidates.stream()
                .distinct()
                .map(c -> new Scored(c, score(in, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance <= budget)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .limit(max)
                .map(Scored::candidate)
                .toList();
    }

    /** "did you mean 'x'?" or "did you mean 'x' or 'y'?", or empty when nothing is close. */
    public static String didYouMean(String input, Collection<String> candidates) {
        List<String> best = closest(input, candidates, 2);
        if (best.isEmpty()) {
            return "";
        }
        return " Did you mean " + String.join(" or ", best.stream().map(b -> "'" + b + "'").toList()) + "?";
    }

    private record Scored(String candidate, int distance) {}

    private static int score(String in, String candidate) {
        if (in.length() >= 3 && candidate.startsWith(in)) {
            return 1; // an abbreviation is as good as one typo
        }
        return distance(in, candidate);
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
