package dev.copbot.core.discussion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * Where the query's words occur in one thread's indexed text (title, newline, body), read from the offsets the index
 * keeps in its postings: what snippets highlight and what picks the best-matching message, with no thread analysed
 * again at search time.
 */
public record Matches(List<Match> all) {
    /** One occurrence of an analysed term, as character offsets into the indexed text. */
    public record Match(String term, int start, int end) {}

    static Matches of(IndexSearcher searcher, SearchIndex.Hit hit, Set<String> terms) {
        List<Match> all = new ArrayList<>();
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc(), leaves));
            int doc = hit.doc() - leaf.docBase;
            Terms text = leaf.reader().terms(SearchIndex.TEXT);
            if (text == null) {
                return new Matches(all);
            }
            // One enumerator and one reused postings reader for all the terms: a new pair per term was most of what a
            // page's snippets allocated.
            TermsEnum enumerator = text.iterator();
            PostingsEnum p = null;
            for (String term : terms) {
                if (!enumerator.seekExact(new BytesRef(term))) {
                    continue;
                }
                p = enumerator.postings(p, PostingsEnum.OFFSETS);
                if (p.advance(doc) != doc) {
                    continue;
                }
                for (int i = 0; i < p.freq(); i++) {
                    p.nextPosition();
                    all.add(new Match(term, p.startOffset(), p.endOffset()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Matches(all);
    }

    private static final SearchAnalyzer INDEXING = new SearchAnalyzer(true);

    /**
     * The same matches found by analysing the hit's text again as the index did: for a backend whose postings do not
     * come back with the hit (OpenSearch). Costs one analysis of each shown thread.
     */
    public static Matches byAnalysis(SearchIndex.Hit hit, Set<String> terms) {
        List<Match> all = new ArrayList<>();
        String text = hit.title() + "\n" + (hit.body() == null ? "" : hit.body());
        try (TokenStream ts = INDEXING.tokenStream(SearchIndex.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (terms.contains(t)) {
                    all.add(new Match(t, offset.startOffset(), offset.endOffset()));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Matches(all);
    }

    /**
     * The message to link for this hit: the one holding the most of {@code words} (each counted once), the accepted
     * answer winning a tie, the earliest winning any other tie (so the root when nothing matches).
     */
    String bestMessage(SearchIndex.Hit hit, Set<String> words) {
        List<ThreadDocument.MessageStart> starts = hit.starts();
        if (starts.isEmpty()) {
            return hit.key().root();
        }
        String best = starts.get(0).message();
        int bestScore = -1;
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i).offset();
            int to = i + 1 < starts.size() ? starts.get(i + 1).offset() : Integer.MAX_VALUE;
            long found = all.stream().filter(m -> m.start() >= from && m.start() < to && words.contains(m.term()))
                    .map(Match::term).distinct().count();
            int score = (int) (2 * found) + (starts.get(i).message().equals(hit.acceptedMessage()) ? 1 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = starts.get(i).message();
            }
        }
        return best;
    }
}
