package dev.copbot.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copbot.core.discussion.IndexView;
import dev.copbot.core.discussion.Matches;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.discussion.ThreadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * One search's view of the OpenSearch index. Not a frozen point in time as the embedded one is (the node refreshes
 * on its own), but the counts it looks up are kept for the view's life, so one search sees one set of statistics.
 */
final class OpenSearchView implements IndexView {
    private static final String[] SOURCE = {SearchIndex.KEY, SearchIndex.TITLE, SearchIndex.BODY, SearchIndex.SOLVED,
            SearchIndex.ACCEPTED_MESSAGE, SearchIndex.REPLIES, SearchIndex.POSTED, SearchIndex.LAST_REPLY,
            SearchIndex.MESSAGE_STARTS};

    private final Remote remote;
    private final String index;
    private long docCount = -1;
    private final Map<String, Long> docFreqs = new HashMap<>();

    OpenSearchView(Remote remote, String index) {
        this.remote = remote;
        this.index = index;
    }

    @Override
    public SearchIndex.Page search(Query query, int offset, int limit, int countUpTo) {
        ObjectNode body = Remote.JSON.createObjectNode();
        body.set("query", QueryTranslation.of(query));
        body.put("from", offset).put("size", limit).put("track_total_hits", countUpTo);
        var source = body.putArray("_source");
        for (String f : SOURCE) {
            source.add(f);
        }
        JsonNode hits = run(body).path("hits");
        List<SearchIndex.Hit> out = new ArrayList<>();
        for (JsonNode h : hits.path("hits")) {
            JsonNode s = h.path("_source");
            out.add(new SearchIndex.Hit(ThreadKey.parse(s.path(SearchIndex.KEY).asText()), (float) h.path("_score").asDouble(),
                    s.path(SearchIndex.TITLE).asText(), s.path(SearchIndex.BODY).asText(),
                    "1".equals(s.path(SearchIndex.SOLVED).asText()), s.path(SearchIndex.ACCEPTED_MESSAGE).asText(),
                    s.path(SearchIndex.REPLIES).asInt(), Instant.ofEpochMilli(s.path(SearchIndex.POSTED).asLong()),
                    Instant.ofEpochMilli(s.path(SearchIndex.LAST_REPLY).asLong()), -1,
                    SearchIndex.decodeStarts(s.path(SearchIndex.MESSAGE_STARTS).asText())));
        }
        JsonNode total = hits.path("total");
        return new SearchIndex.Page(out, total.path("value").asLong(), "eq".equals(total.path("relation").asText()));
    }

    private JsonNode run(ObjectNode body) {
        JsonNode answer = remote.call("POST", "/" + index + "/_search", body);
        return answer == null ? Remote.JSON.createObjectNode() : answer;
    }

    @Override
    public long docCount() {
        if (docCount < 0) {
            JsonNode answer = remote.call("GET", "/" + index + "/_count", null);
            docCount = answer == null ? 0 : answer.path("count").asLong();
        }
        return docCount;
    }

    @Override
    public long docFreq(String field, String term) {
        return docFreqs(field, List.of(term)).get(term);
    }

    /**
     * One request for the terms not looked up yet in this view: a filters aggregation, a term filter each, and the
     * thread count along with them (so {@link #docCount} costs nothing after it).
     */
    @Override
    public Map<String, Long> docFreqs(String field, Collection<String> terms) {
        List<String> missing = terms.stream().filter(t -> !docFreqs.containsKey(field + '\u0000' + t)).toList();
        if (!missing.isEmpty()) {
            ObjectNode body = Remote.JSON.createObjectNode();
            body.put("size", 0).put("track_total_hits", true);
            ObjectNode filters = body.putObject("aggs").putObject("df").putObject("filters").putObject("filters");
            for (int i = 0; i < missing.size(); i++) {
                filters.putObject("t" + i).putObject("term").put(field, missing.get(i));
            }
            JsonNode answer = run(body);
            docCount = answer.path("hits").path("total").path("value").asLong();
            JsonNode buckets = answer.path("aggregations").path("df").path("buckets");
            for (int i = 0; i < missing.size(); i++) {
                docFreqs.put(field + '\u0000' + missing.get(i), buckets.path("t" + i).path("doc_count").asLong());
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        terms.forEach(t -> ordered.put(t, docFreqs.get(field + '\u0000' + t)));
        return ordered;
    }

    /** Always filtered, without asking: on the node the filter is cheap and the question is a round trip. */
    @Override
    public boolean everyThreadHas(String field, String value) {
        return false;
    }

    @Override
    public Matches matches(SearchIndex.Hit hit, Set<String> terms) {
        return Matches.byAnalysis(hit, terms);
    }

    /** Only the ids (the thread keys) come back: no source. The index's BM25 has the ranking's k1 and b. */
    @Override
    public List<Scored> top(Query query, int n, float k1, float b) {
        ObjectNode body = Remote.JSON.createObjectNode();
        body.set("query", QueryTranslation.of(query));
        body.put("size", n).put("_source", false).put("track_total_hits", false);
        List<Scored> out = new ArrayList<>();
        for (JsonNode h : run(body).path("hits").path("hits")) {
            out.add(new Scored(ThreadKey.parse(h.path("_id").asText()), h.path("_score").asDouble()));
        }
        return out;
    }

    @Override
    public int segments() {
        JsonNode answer = remote.call("GET", "/" + index + "/_segments", null);
        int n = 0;
        if (answer != null) {
            for (JsonNode copies : answer.path("indices").path(index).path("shards")) {
                for (JsonNode copy : copies) {
                    n += copy.path("segments").size();
                }
            }
        }
        return n;
    }
}
