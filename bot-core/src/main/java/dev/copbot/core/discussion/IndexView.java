package dev.copbot.core.discussion;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * One point-in-time view of a {@link SearchBackend}. Queries are Lucene query objects over the fields of
 * {@link SearchIndex}: the embedded backend runs them as they are, a remote one translates them (every part of the
 * ranking is expressed in that one form).
 */
public interface IndexView {
    /** The hits from {@code offset}, at most {@code limit}; totals exact up to {@code countUpTo}. */
    SearchIndex.Page search(Query query, int offset, int limit, int countUpTo);

    /** How many threads the index holds. */
    long docCount();

    /** In how many threads each term of {@code field} occurs: one round trip for a remote backend. */
    default Map<String, Long> docFreqs(String field, Collection<String> terms) {
        Map<String, Long> out = new LinkedHashMap<>();
        terms.forEach(t -> out.put(t, docFreq(field, t)));
        return out;
    }

    long docFreq(String field, String term);

    /**
     * Whether every thread in the index has {@code value} in {@code field} (one workspace's install): a filter on it
     * would exclude nothing, and the embedded index prunes faster without it. A remote backend may answer false
     * without asking: the filter then costs little and saves a round trip.
     */
    default boolean everyThreadHas(String field, String value) {
        return docFreq(field, value) >= docCount();
    }

    /** Where the analysed {@code terms} occur in a hit's indexed text (title, newline, body): snippets and the link. */
    Matches matches(SearchIndex.Hit hit, Set<String> terms);

    /** The best {@code n} threads for {@code query} scored by plain BM25 with these parameters (the expert ranking). */
    List<Scored> top(Query query, int n, float k1, float b);

    /** How many segments the index has (fewer answer questions faster). */
    int segments();

    /** A thread and its score, without its stored text. */
    record Scored(ThreadKey key, double score) {}
}
