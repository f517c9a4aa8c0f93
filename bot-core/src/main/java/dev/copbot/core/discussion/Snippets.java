package dev.copbot.core.discussion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * A short extract of a thread around the query words, with matches in {@code **bold**} and broadcast mentions
 * defused. The matches come from the offsets the index keeps for each term, so a stemmed match is highlighted too
 * and no thread is analysed again at search time.
 */
final class Snippets {
    static final int LENGTH = 220;
    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    String of(SearchIndex.Hit hit, SearchRequest request, IndexSearcher searcher) {
        Set<String> wanted = new HashSet<>();
        for (SearchRequest.Clause c : request.clauses()) {
            for (String alt : c.alternatives()) {
                wanted.addAll(ThreadQuery.terms(analyzer, alt));
            }
        }
        boolean titleOnly = hit.body() == null || hit.body().isBlank();
        String body = titleOnly ? hit.title() : hit.body();
        List<int[]> matches = fromPostings(searcher, hit, wanted, titleOnly ? 0 : hit.title().length() + 1, body.length());
        return cut(body, matches);
    }

    /**
     * Where the wanted terms occur in the part of the thread's indexed text (title, newline, body) that starts at
     * {@code from}, read from the postings' offsets: sorted, overlaps dropped (a whole word before its parts).
     */
    private static List<int[]> fromPostings(IndexSearcher searcher, SearchIndex.Hit hit, Set<String> wanted, int from,
                                            int length) {
        List<int[]> all = new java.util.ArrayList<>();
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc(), leaves));
            int doc = hit.doc() - leaf.docBase;
            for (String w : wanted) {
                PostingsEnum p = leaf.reader().postings(new Term(SearchIndex.TEXT, w), PostingsEnum.OFFSETS);
                if (p == null || p.advance(doc) != doc) {
                    continue;
                }
                for (int i = 0; i < p.freq(); i++) {
                    p.nextPosition();
                    int start = p.startOffset() - from;
                    int end = p.endOffset() - from;
                    if (start >= 0 && end <= length && start < end) {
                        all.add(new int[] {start, end});
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(java.util.Comparator.<int[]>comparingInt(m -> m[0]).thenComparingInt(m -> -m[1]));
        List<int[]> out = new java.util.ArrayList<>();
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
