package dev.copbot.core.discussion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A short extract of a thread around the query words, with matches in {@code **bold**} and broadcast mentions
 * defused. Works on the stored body with the same analyzer as the index, so a stemmed match is highlighted too.
 */
final class Snippets {
    static final int LENGTH = 220;
    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    String of(SearchIndex.Hit hit, SearchRequest request) {
        Set<String> wanted = new HashSet<>();
        for (SearchRequest.Clause c : request.clauses()) {
            for (String alt : c.alternatives()) {
                wanted.addAll(ThreadQuery.terms(analyzer, alt));
            }
        }
        String body = hit.body() == null || hit.body().isBlank() ? hit.title() : hit.body();
        List<int[]> matches = new java.util.ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(SearchIndex.BODY, body)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (wanted.contains(term.toString())) {
                    int[] m = {offset.startOffset(), offset.endOffset()};
                    if (matches.isEmpty() || matches.get(matches.size() - 1)[1] <= m[0]) {
                        matches.add(m);
                    }
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
