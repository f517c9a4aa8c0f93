package dev.copbot.core.discussion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

/**
 * The query path every search takes — {@code /cop search}, {@code copbot eval search} and {@code copbot bench}:
 * analyse, build the scoring query, add access and filter clauses, search, and make snippets and pick the message
 * to link (both from the offsets in the postings).
 */
public final class SearchEngine {
    private final SearchBackend index;
    private final ThreadQuery queries;
    private final Feedback feedback;

    public SearchEngine(SearchBackend index, Ranking ranking) {
        this.index = index;
        Analyzer analyzer = new SearchAnalyzer(false);
        this.queries = new ThreadQuery(analyzer, ranking);
        this.feedback = new Feedback(queries, ranking);
    }

    public SearchBackend index() {
        return index;
    }

    /** {@code message}: the id of the thread's message that matches best, the one to link. */
    public record Result(SearchIndex.Hit hit, String snippet, String message) {}

    public record Results(List<Result> results, long total, boolean totalIsExact, boolean searchable) {
        public static final Results NOTHING_SEARCHABLE = new Results(List.of(), 0, true, false);
    }

    /**
     * Runs the request. {@code access} (null for none) limits results to what the asker may read; it applies before
     * ranking, so counts, snippets, feedback and later pages all respect it.
     */
    public Results search(SearchRequest request, AccessControl.Rule access, int offset, int limit, boolean withSnippets) {
        return index.withView(view -> {
            Query query = queries.build(request, access, view);
            if (query == null) {
                return Results.NOTHING_SEARCHABLE;
            }
            // The query's own analysed terms: feedback does not add them again, snippets highlight them.
            Set<String> terms = queries.terms(request);
            if (feedback.applies(request)) {
                // Only the best few threads matter here, not how many match: no counting, so pruning starts at once.
                List<SearchIndex.Hit> top = view.search(query, 0, feedback.documents(), feedback.documents()).hits();
                Map<String, Float> expansion = feedback.words(terms, top, view);
                if (!expansion.isEmpty()) {
                    query = queries.build(request, access, view, expansion);
                }
            }
            SearchIndex.Page page = view.search(query, offset, limit, SearchIndex.EXACT_TOTAL_UP_TO);
            List<Result> out = new ArrayList<>();
            Set<String> words = withSnippets ? words(request) : Set.of();
            for (SearchIndex.Hit hit : page.hits()) {
                if (withSnippets) {
                    Matches matches = view.matches(hit, terms);
                    out.add(new Result(hit, Snippets.of(hit, matches), matches.bestMessage(hit, words)));
                } else {
                    out.add(new Result(hit, "", hit.key().root()));
                }
            }
            return new Results(out, page.total(), page.totalIsExact(), true);
        });
    }

    /** The query's words as the index sees them (stemmed, lower case, no split parts): what picks the message to link. */
    private Set<String> words(SearchRequest request) {
        Set<String> out = new HashSet<>();
        request.clauses().forEach(c -> c.alternatives().forEach(a -> out.addAll(queries.tokens(a))));
        return out;
    }

    public List<String> analyse(String text) {
        return queries.tokens(text);
    }
}
