package dev.copbot.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded view's batched lookups (document frequencies for feedback and proximity, the matches behind snippets)
 * answer what one lookup per term answers, over several segments with deleted copies, and for terms that are
 * nowhere or in some segments only.
 */
class LuceneViewTest {
    private static final ChannelId CHANNEL = ChannelId.parse("slack:T1:C100");
    private static final UserId AUTHOR = UserId.parse("slack:T1:U1");
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final SearchIndex index = SearchIndex.inMemory(Ranking.defaults());

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void documentFrequenciesInOneGoEqualThoseAskedOneByOne() {
        fill();
        List<String> terms = List.of("kafka", "rebalanc", "lag", "zookeep", "nowher", "word3", "word12", "kafka");
        index.withView(view -> {
            Map<String, Long> oneByOne = new LinkedHashMap<>();
            terms.forEach(t -> oneByOne.put(t, view.docFreq(SearchIndex.TEXT, t)));
            assertThat(view.segments()).isGreaterThan(1);
            assertThat(view.docFreqs(SearchIndex.TEXT, terms)).containsExactlyEntriesOf(oneByOne);
            // Terms that exist and terms that do not: the check is not vacuous.
            assertThat(oneByOne.get("kafka")).isGreaterThan(0);
            assertThat(oneByOne.get("zookeep")).isGreaterThan(0).isLessThan(oneByOne.get("kafka"));
            assertThat(oneByOne.get("nowher")).isZero();
            return null;
        });
        index.withView(view -> {
            assertThat(view.docFreqs("no-such-field", List.of("kafka"))).containsExactly(Map.entry("kafka", 0L));
            return null;
        });
    }

    @Test
    void matchesFromThePostingsEqualThoseFromAnalysingTheHitAgain() {
        fill();
        Set<String> terms = Set.of("kafka", "rebalanc", "zookeep", "offset", "nowher");
        index.withView(view -> {
            List<SearchIndex.Hit> hits = view.search(new TermQuery(new Term(SearchIndex.TEXT, "zookeep")), 0, 20, 1000).hits();
            assertThat(hits).hasSizeGreaterThan(3);
            for (SearchIndex.Hit hit : hits) {
                Matches fromPostings = view.matches(hit, terms);
                assertThat(fromPostings.all()).isNotEmpty();
                assertThat(fromPostings.all()).containsExactlyInAnyOrderElementsOf(Matches.byAnalysis(hit, terms).all());
            }
            return null;
        });
    }

    /** 120 threads in four segments; every third thread of the first segments replaced, leaving deleted copies. */
    private void fill() {
        for (int t = 0; t < 120; t++) {
            String body = "rebalance partition offset retry word" + (t % 13) + (t >= 60 ? " zookeeper session expired" : "")
                    + " filler".repeat(t % 5);
            index.upsert(thread(t, body), "slack:T1", t);
            if (t % 30 == 29) {
                index.commit(Map.of());
            }
        }
        for (int t = 0; t < 60; t += 3) {
            index.upsert(thread(t, "kafka rebalance again, now with zookeeper"), "slack:T1", 200 + t);
        }
        index.refresh();
    }

    private static ThreadDocument thread(int t, String body) {
        return new ThreadDocument(new ThreadKey(CHANNEL, "t" + t), "kafka consumer lag " + (t % 7), body, "",
                Set.of(AUTHOR), AUTHOR, false, "", 0, T0, T0, List.of());
    }
}
