package dev.copbot.core.discussion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/** Turns a {@link SearchRequest} into the Lucene query: scoring clauses, then filters (which never score). */
final class ThreadQuery {
    private static final String[] TEXT_FIELDS = {SearchIndex.TITLE, SearchIndex.TEXT, SearchIndex.ACCEPTED};

    private static final float PHRASE_WEIGHT = 2f;

    private final Analyzer analyzer;
    private final Ranking ranking;

    ThreadQuery(Analyzer analyzer, Ranking ranking) {
        this.analyzer = analyzer;
        this.ranking = ranking;
    }

    /**
     * A word in more threads than this is too costly to use in proximity pairs and feedback (each would read that
     * many postings with positions) and says little about a thread anyway. Small collections never reach it.
     */
    static final int COMMON_THREADS = 10_000;
    static final double COMMON_SHARE = 0.01;

    /** The query, or null when no word of the request is searchable (all stop words). */
    Query build(SearchRequest request, AccessControl.Rule access, IndexView view) {
        return build(request, access, view, Map.of());
    }

    /**
     * {@code expansion}: feedback words and their weights, added as further optional words of the same query, so
     * Lucene can prune the whole disjunction at once.
     */
    Query build(SearchRequest request, AccessControl.Rule access, IndexView view,
                Map<String, Float> expansion) {
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        int clauses = 0;
        List<String> sequence = new ArrayList<>();
        for (SearchRequest.Clause clause : request.clauses()) {
            BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
            int usable = 0;
            for (String alt : clause.alternatives()) {
                Query q = alt.contains(" ") ? phraseFirst(alt) : anyField(alt);
                if (q != null) {
                    alternatives.add(q, Occur.SHOULD);
                    usable++;
                    if (clause.alternatives().size() == 1 && !alt.contains(" ")) {
                        sequence.addAll(tokens(alt));
                    }
                }
            }
            if (usable > 0) {
                scoring.add(alternatives.build(), Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses == 0) {
            return null;
        }
        addProximity(scoring, sequence, view);
        expansion.forEach((term, weight) ->
                scoring.add(new BoostQuery(new TermQuery(new Term(SearchIndex.TEXT, term)), weight), Occur.SHOULD));
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(scoring.build(), Occur.MUST);
        if (ranking.solvedBoost() > 0) {
            // Added to threads that match anyway (never a match on its own), and additive rather than a factor so
            // that Lucene can still skip threads that cannot reach the top.
            all.add(new BoostQuery(new ConstantScoreQuery(
                    new TermQuery(new Term(SearchIndex.SOLVED, "1"))), ranking.solvedBoost()), Occur.SHOULD);
        }
        for (String ex : request.excluded()) {
            Query q = anyField(ex);
            if (q != null) {
                all.add(q, Occur.MUST_NOT);
            }
        }
        addFilters(all, request);
        if (access != null) {
            addAccess(all, access, view);
        }
        return all.build();
    }

    /** The word or phrase in any text field, each field weighted. */
    private Query anyField(String text) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        float[] weights = {ranking.titleWeight(), ranking.textWeight(), ranking.acceptedWeight()};
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        int n = 0;
        for (int i = 0; i < TEXT_FIELDS.length; i++) {
            if (weights[i] <= 0) {
                continue;
            }
            Query q = text.contains(" ") ? builder.createPhraseQuery(TEXT_FIELDS[i], text)
                    : builder.createBooleanQuery(TEXT_FIELDS[i], text, Occur.SHOULD);
            if (q != null) {
                fields.add(weights[i] == 1f ? q : new BoostQuery(q, weights[i]), Occur.SHOULD);
                n++;
            }
        }
        return n == 0 ? null : fields.build();
    }

    /**
     * A quoted phrase: threads with the exact phrase rank first, but the words still count on their own, so a
     * phrase that appears nowhere does not empty the results.
     */
    private Query phraseFirst(String phrase) {
        Query exact = anyField(phrase);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (exact != null) {
            b.add(new BoostQuery(exact, PHRASE_WEIGHT), Occur.SHOULD);
        }
        int words = 0;
        for (String w : phrase.split("\\s+")) {
            Query q = anyField(w);
            if (q != null) {
                b.add(q, Occur.SHOULD);
                words++;
            }
        }
        return exact == null && words == 0 ? null : b.build();
    }

    /** Adjacent query words found within a small window of the thread's text score a little more. */
    private void addProximity(BooleanQuery.Builder scoring, List<String> sequence,
                              IndexView view) {
        if (ranking.proximityWeight() <= 0 || sequence.size() < 2) {
            return;
        }
        Set<String> common = common(view, sequence);
        for (int i = 0; i + 1 < sequence.size(); i++) {
            if (common.contains(sequence.get(i)) || common.contains(sequence.get(i + 1))) {
                continue;
            }
            PhraseQuery pair = new PhraseQuery(ranking.proximityWindow(), SearchIndex.TEXT, sequence.get(i), sequence.get(i + 1));
            scoring.add(new BoostQuery(pair, ranking.proximityWeight()), Occur.SHOULD);
        }
    }

    /**
     * The access rule as clauses. A workspace filter that every indexed thread passes is left out: it would exclude
     * nothing, and a filter clause keeps Lucene from pruning the disjunction (questions took 3x longer with it).
     */
    private static void addAccess(BooleanQuery.Builder all, AccessControl.Rule access,
                                  IndexView view) {
        if (!view.everyThreadHas(SearchIndex.WORKSPACE, access.workspace())) {
            all.add(new TermQuery(new Term(SearchIndex.WORKSPACE, access.workspace())), Occur.FILTER);
        }
        if (!access.closedChannels().isEmpty()) {
            all.add(new TermInSetQuery(SearchIndex.CHANNEL, access.closedChannels().stream().map(BytesRef::new).toList()),
                    Occur.MUST_NOT);
        }
    }

    /** The tokens among {@code tokens} that are common (see {@link #COMMON_THREADS}), looked up in one go. */
    static Set<String> common(IndexView view, Collection<String> tokens) {
        if (tokens.isEmpty()) {
            return Set.of();
        }
        // The frequencies first: a remote backend brings the thread count along with them, in the same round trip.
        Map<String, Long> frequencies = view.docFreqs(SearchIndex.TEXT, new LinkedHashSet<>(tokens));
        double limit = Math.max(COMMON_THREADS, COMMON_SHARE * view.docCount());
        Set<String> out = new HashSet<>();
        frequencies.forEach((t, df) -> {
            if (df > limit) {
                out.add(t);
            }
        });
        return out;
    }

    private void addFilters(BooleanQuery.Builder all, SearchRequest r) {
        if (!r.channels().isEmpty()) {
            all.add(new TermInSetQuery(SearchIndex.CHANNEL, r.channels().stream()
                    .map(c -> new BytesRef(c.toString())).toList()), Occur.FILTER);
        }
        r.from().ifPresent(u -> all.add(new TermQuery(new Term(SearchIndex.AUTHOR, u.toString())), Occur.FILTER));
        if (r.before().isPresent() || r.after().isPresent()) {
            long from = r.after().map(i -> i.toEpochMilli()).orElse(Long.MIN_VALUE);
            long to = r.before().map(i -> i.toEpochMilli() - 1).orElse(Long.MAX_VALUE);
            all.add(LongPoint.newRangeQuery(SearchIndex.POSTED, from, to), Occur.FILTER);
        }
        r.solved().ifPresent(s -> all.add(new TermQuery(new Term(SearchIndex.SOLVED, s ? "1" : "0")), Occur.FILTER));
    }

    /**
     * Every analysed term of the request's words (excluded ones aside), stacked parts of split words included: what
     * feedback must not add again and what a snippet may highlight.
     */
    Set<String> terms(SearchRequest request) {
        Set<String> out = new HashSet<>();
        request.clauses().forEach(c -> c.alternatives().forEach(a -> out.addAll(tokensAll(a))));
        return out;
    }

    /** Every analysed token of a text, including the stacked parts of split words. */
    List<String> tokensAll(String text) {
        return terms(analyzer, text);
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(SearchIndex.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The analysed single tokens of a word, skipping the extra parts a word-delimiter split stacks on it. */
    List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(SearchIndex.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 || out.isEmpty()) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

}
