package dev.copbot.core.discussion;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pseudo-relevance feedback (in the spirit of RM3): the words that weigh most in the top threads of a first pass,
 * each thread counting by its score, join the query's own words with a small weight (in the same disjunction, which
 * Lucene prunes as one: nesting the original query under a required clause made questions 8x slower at 1M). Filters and access rules are
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

    /** The feedback words of the top threads and their weights; empty when there is nothing to add. */
    /** {@code own}: the query's own analysed terms, which are not added again. */
    Map<String, Float> words(Set<String> own, List<SearchIndex.Hit> top, IndexView view) {
        if (top.isEmpty()) {
            return Map.of();
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
        List<Map.Entry<String, Double>> candidates = weights.entrySet().stream()
                .filter(e -> !own.contains(e.getKey()) && e.getKey().length() > 1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(settings.terms() * 3L).toList();
        Set<String> common = ThreadQuery.common(view, candidates.stream().map(Map.Entry::getKey).toList());
        List<Map.Entry<String, Double>> chosen = candidates.stream().filter(e -> !common.contains(e.getKey()))
                .limit(settings.terms()).toList();
        Map<String, Float> out = new LinkedHashMap<>();
        if (!chosen.isEmpty()) {
            double max = chosen.get(0).getValue();
            chosen.forEach(e -> out.put(e.getKey(), (float) (settings.weight() * e.getValue() / max)));
        }
        return out;
    }
}
