package dev.copbot.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After an import the index is merged into one segment: searches see the same threads with the same scores (threads
 * that score exactly alike may change places, as they may after any merge).
 */
class MergeDownTest {
    private static final ChannelId CHANNEL = ChannelId.parse("slack:T1:C100");
    private static final UserId AUTHOR = UserId.parse("slack:T1:U1");
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final SearchIndex index = SearchIndex.inMemory(Ranking.defaults());
    private final SearchEngine engine = new SearchEngine(index, Ranking.defaults());

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void mergingChangesNoResultAndLeavesOneSegment() {
        for (int t = 0; t < 300; t++) {
            index.add(new ThreadDocument(new ThreadKey(CHANNEL, "t" + t), "kafka consumer lag " + (t % 7),
                    // A length of its own per thread: no two score alike, since a merge may reorder equal scores.
                    "rebalance partition offset retry " + "word" + (t % 13) + " filler".repeat(t), "", Set.of(AUTHOR),
                    AUTHOR, false, "", 0,
                    T0, T0, List.of()), "slack:T1", t);
            if (t % 50 == 49) {
                index.commit(Map.of()); // a segment per commit, as batches of an import leave them
            }
        }
        index.refresh();
        assertThat(segments()).isGreaterThan(1);
        SearchRequest request = SearchRequest.parse("kafka consumer lag rebalance word3");
        List<String> before = found(request);

        index.mergeDown();

        assertThat(segments()).isEqualTo(1);
        assertThat(found(request)).isEqualTo(before);
    }

    private int segments() {
        return index.withSearcher(s -> s.getIndexReader().leaves().size());
    }

    private List<String> found(SearchRequest request) {
        SearchEngine.Results r = engine.search(request, null, 0, 5, true);
        return r.results().stream().map(x -> x.hit().key().root() + " " + x.hit().score() + " " + x.snippet()
                + " total " + r.total() + (r.totalIsExact() ? "" : "+")).toList();
    }
}
