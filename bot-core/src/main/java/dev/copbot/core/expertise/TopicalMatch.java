package dev.copbot.core.expertise;

import dev.copbot.core.discussion.AccessControl;
import dev.copbot.core.discussion.Discussions;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.discussion.ThreadKey;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The threads that match a topic, for the expert ranking: a plain BM25 query over each thread's whole text (title,
 * question and replies), one optional clause per distinct word, without the search command's boosts, proximity or
 * feedback (those tune finding a thread to read; here every answerer of a matching thread is a candidate). Only
 * threads the asker may read and started by "now" count.
 */
final class TopicalMatch {
    /** A matching thread and its BM25 score. */
    record Hit(ThreadKey key, double score) {}

    /** How many of the best-matching threads vote: 50 was best of 10–200 on the Stack Exchange dumps (robust.py). */
    static final int THREADS = 50;
    /** BM25 term saturation: lower than Lucene's 1.2, as repeated words in long threads say little more. */
    static final float K1 = 0.9f;
    /** BM25 length normalisation: mild, since long threads are long because many answered, not because off topic. */
    static final float B = 0.4f;

    private TopicalMatch() {}

    /** The best {@link #THREADS} threads for the topic's {@code analysed} words, best first (ties by index order). */
    static List<Hit> top(Discussions discussions, UserId asker, List<String> analysed, List<ChannelId> channels,
                         Instant now) {
        Set<String> terms = new LinkedHashSet<>(analysed);
        if (terms.isEmpty()) {
            return List.of();
        }
        AccessControl.Rule rule = discussions.access().ruleFor(asker);
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        terms.forEach(t -> words.add(new TermQuery(new Term(SearchIndex.TEXT, t)), Occur.SHOULD));
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(words.build(), Occur.MUST)
                .add(new TermQuery(new Term(SearchIndex.WORKSPACE, rule.workspace())), Occur.FILTER)
                .add(LongPoint.newRangeQuery(SearchIndex.POSTED, Long.MIN_VALUE, now.toEpochMilli()), Occur.FILTER);
        if (!rule.closedChannels().isEmpty()) {
            q.add(new TermInSetQuery(SearchIndex.CHANNEL, rule.closedChannels().stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
        }
        if (!channels.isEmpty()) {
            q.add(new TermInSetQuery(SearchIndex.CHANNEL, channels.stream().map(c -> new BytesRef(c.toString())).toList()), Occur.FILTER);
        }
        BooleanQuery query = q.build();
        return discussions.withIndex(view -> view.top(query, THREADS, K1, B).stream()
                .map(h -> new Hit(h.key(), h.score())).toList());
    }
}
