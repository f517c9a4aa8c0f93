package dev.copbot.tools.eval;

import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.discussion.SearchEngine;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.discussion.SearchRequest;
import dev.copbot.core.discussion.StoredMessage;
import dev.copbot.core.discussion.ThreadDocument;
import dev.copbot.core.discussion.ThreadKey;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a BEIR collection through the bot's own analysis, index and query path: each corpus document becomes a
 * thread whose root is "*title*" then the text (the shape of a Slack question), each query a {@code /cop search}.
 */
public final class SearchEvaluation {
    static final ChannelId CHANNEL = ChannelId.parse("console:eval");
    private static final UserId AUTHOR = UserId.console("eval");

    private SearchEvaluation() {}

    public static Map<String, List<TrecRun.Ranked>> run(List<Beir.Doc> corpus, List<Beir.Query> queries, int k,
                                                         Ranking ranking) {
        try (SearchIndex index = SearchIndex.inMemory(ranking)) {
            return run(corpus, queries, k, ranking, index);
        }
    }

    /** On a given (empty) backend: the embedded index or an OpenSearch one ({@code --backend}). */
    public static Map<String, List<TrecRun.Ranked>> run(List<Beir.Doc> corpus, List<Beir.Query> queries, int k,
                                                         Ranking ranking, SearchBackend index) {
        {
            Instant t = Instant.EPOCH;
            for (Beir.Doc d : corpus) {
                String root = d.title().isBlank() ? d.text() : "*" + d.title() + "*\n" + d.text();
                ThreadKey key = new ThreadKey(CHANNEL, d.id());
                StoredMessage message = new StoredMessage(new MessageId(CHANNEL, d.id()), d.id(), AUTHOR, root, t, List.of());
                index.upsert(ThreadDocument.of(key, List.of(message)), "console", 1);
            }
            index.refresh();
            SearchEngine engine = new SearchEngine(index, ranking);
            Map<String, List<TrecRun.Ranked>> run = new LinkedHashMap<>();
            for (Beir.Query q : queries) {
                // one more than k, since the query's own document is left out
                SearchEngine.Results results = engine.search(SearchRequest.parse(q.text()), null, 0, k + 1, false);
                List<TrecRun.Ranked> ranked = new ArrayList<>();
                for (SearchEngine.Result r : results.results()) {
                    String doc = r.hit().key().root();
                    if (!doc.equals(q.id()) && ranked.size() < k) {
                        ranked.add(new TrecRun.Ranked(doc, r.hit().score()));
                    }
                }
                run.put(q.id(), ranked);
            }
            return run;
        }
    }
}
