package dev.copbot.core.discussion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A short extract of a thread around the query words, with matches in {@code **bold**} and broadcast mentions
 * defused. The matches come from the offsets the index keeps for each term, so a stemmed match is highlighted too
 * and no thread is analysed again at search time.
 */
final class Snippets {
    static final int LENGTH = 220;

    private Snippets() {}

    static String of(SearchIndex.Hit hit, Matches matches) {
        boolean titleOnly = hit.body() == null || hit.body().isBlank();
        String body = titleOnly ? hit.title() : hit.body();
        return cut(body, within(matches, titleOnly ? 0 : hit.title().length() + 1, body.length()));
    }

    /**
     * The matches inside the part of the indexed text that starts at {@code from}, relative to it: sorted, overlaps
     * dropped (a whole word before its parts).
     */
    private static List<int[]> within(Matches matches, int from, int length) {
        List<int[]> all = new ArrayList<>();
        for (Matches.Match m : matches.all()) {
            int start = m.start() - from;
            int end = m.end() - from;
            if (start >= 0 && end <= length && start < end) {
                all.add(new int[] {start, end});
            }
        }
        all.sort(Comparator.<int[]>comparingInt(m -> m[0]).thenComparingInt(m -> -m[1]));
        List<int[]> out = new ArrayList<>();
        for (int[] m : all) {
            if (out.isEmpty() || out.get(out.size() - 1)[1] <= m[0]) {
                out.add(m);
            }
        }
        return out;
    }

    private static String cut(String body, List<int[]> matches) {
        int start = bestWindow(matches, body.length());
        int end = Math.min(body.length(), start + LENGTH);
        StringBuilder out = new StringBuilder(start > 0 ? "…" : "");
        int at = start;
        for (int[] m : matches) {
            if (m[0] < start || m[1] > end) {
                continue;
            }
            out.append(body, at, m[0]).append("**").append(body, m[0], m[1]).append("**");
            at = m[1];
        }
        out.append(body, at, end).append(end < body.length() ? "…" : "");
        return Markup.defuse(out.toString().replaceAll("\\s+", " ").strip());
    }

    /** The start of the window of {@link #LENGTH} characters holding the most matches, at a word boundary. */
    private static int bestWindow(List<int[]> matches, int length) {
        int best = 0;
        int bestCount = 0;
        for (int i = 0; i < matches.size(); i++) {
            int count = 0;
            for (int j = i; j < matches.size() && matches.get(j)[1] <= matches.get(i)[0] + LENGTH; j++) {
                count++;
            }
            if (count > bestCount) {
                bestCount = count;
                best = matches.get(i)[0];
            }
        }
        return Math.max(0, Math.min(best - 40, Math.max(0, length - LENGTH)));
    }
}
