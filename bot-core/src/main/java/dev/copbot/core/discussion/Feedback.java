package dev.copbot.core.discussion;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Pseudo-relevance feedback (in the spirit of RM3): the words that weigh most in the top threads of a first pass,
 * each thread counting by its score, are added to the query with a small weight. Filters and access rules are
 * part of the first query, so feedback never learns from a thread the asker cannot read.
 */
final class Feedback {
    private final ThreadQuery queries;
    private final Ranking.Feedback settings;

    Feedback(ThreadQuery queries, Ranking ranking) {
        this.queries = queries;
        this.settings = ranking.feedback();
    }

    int documents() {
        return settings.documents();
    }

    boolean applies(SearchRequest request) {
        if (settings.documents() <= 0 || settings.terms() <= 0) {
            return false;
        }
        int words = 0;
        for (SearchRequest.Clause c : request.clauses()) {
            for (String alt : c.alternatives()) {
                words += queries.tokens(alt).size();
            }
        }
        return words >= settings.minWords();
    }

    Query expand(Query original, SearchRequest request, List<SearchIndex.Hit> top) {
        if (top.isEmpty()) {
            return original;
        }
        // Soft-max over scores so the best thread counts most; each thread's words share its weight.
        double best = top.get(0).score();
        double norm = top.stream().mapToDouble(h -> Math.exp((h.score() - best) / 4)).sum();
        Map<String, Double> weights = new HashMap<>();
        for (SearchIndex.Hit h : top) {
            List<String> tokens = queries.tokensAll(h.title() + "\n" + h.body());
            double share = Math.exp((h.score() - best) / 4) / norm / Math.max(1, tokens.size());
            tokens.forEach(t -> weights.merge(t, share, Double::sum));
        }
        Set<String> own = new HashSet<>();
        request.clauses().forEach(c -> c.alternatives().forEach(a -> own.addAll(queries.tokensAll(a))));
        List<Map.Entry<String, Double>> chosen = weights.entrySet().stream()
                .filter(e -> !own.contains(e.getKey()) && e.getKey().length() > 1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(settings.terms()).toList();
        if (chosen.isEmpty()) {
            return original;
        }
        double max = chosen.get(0).getValue();
        BooleanQuery.Builder expanded = new BooleanQuery.Builder().add(original, Occur.MUST);
        for (Map.Entry<String, Double> e : chosen) {
            float w = (float) (settings.weight() * e.getValue() / max);
            expanded.add(new BoostQuery(new TermQuery(new Term(SearchIndex.TEXT, e.getKey())), w), Occur.SHOULD);
        }
        return expanded.build();
    }
}
