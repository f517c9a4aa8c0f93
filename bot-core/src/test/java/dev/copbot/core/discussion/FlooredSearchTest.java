package dev.copbot.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Feedback's second pass starts Lucene's pruning at the first pass's scores: the hits, their scores and the total's
 * meaning (exact up to 1 000, a lower bound beyond) must be those of the plain search of the same query.
 */
class FlooredSearchTest {
    private static final ChannelId CHANNEL = ChannelId.parse("slack:T1:C100");
    private static final UserId AUTHOR = UserId.parse("slack:T1:U1");
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final Ranking ranking = Ranking.defaults();
    private final SearchIndex index = SearchIndex.inMemory(ranking);

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void theSecondPassFindsWhatAPlainSearchFinds() {
        Random r = new Random(21);
        String[] vocabulary = new String[400];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = letters(i * 7919 + 20_000);
        }
        for (int t = 0; t < 4_000; t++) {
            String title = words(r, vocabulary, 4 + r.nextInt(5));
            String body = words(r, vocabulary, 10 + r.nextInt(60));
            boolean solved = r.nextInt(5) == 0;
            index.add(new ThreadDocument(new ThreadKey(CHANNEL, "t" + t), title, body, solved ? words(r, vocabulary, 8) : "",
                    Set.of(AUTHOR), AUTHOR, solved, "", 1, T0, T0, List.of()), "slack:T1");
        }
        index.refresh();
        Analyzer analyzer = new SearchAnalyzer(false);
        ThreadQuery queries = new ThreadQuery(analyzer, ranking);
        Feedback feedback = new Feedback(queries, ranking);
        int floored = 0, beyondExact = 0;
        for (int q = 0; q < 60; q++) {
            SearchRequest request = SearchRequest.parse(words(r, vocabulary, 4 + r.nextInt(6)));
            int offset = q % 3 == 0 ? 0 : 5 * (q % 3 - 1);
            boolean used = index.withSearcher(searcher -> {
                Query first = queries.build(request, null, searcher);
                List<SearchIndex.Hit> top = index.search(searcher, first, 0, 10, 10).hits();
                if (top.size() < 10) {
                    return false;
                }
                Map<String, Float> expansion = feedback.words(queries.terms(request), top.subList(0, 5), searcher);
                if (expansion.isEmpty()) {
                    return false;
                }
                Query second = queries.build(request, null, searcher, expansion);
                float[] scores = FlooredSearch.scoresOf(searcher, second, top.subList(0, offset + 5).stream()
                        .mapToInt(SearchIndex.Hit::doc).toArray());
                float floor = (float) java.util.stream.IntStream.range(0, scores.length)
                        .mapToDouble(i -> scores[i]).min().orElseThrow() * 0.9999f;
                assertThat(floor).isGreaterThanOrEqualTo(top.get(offset + 4).score() * 0.9999f);
                SearchIndex.Page plain = index.search(searcher, second, offset, 5);
                SearchIndex.Page fast = index.searchAbove(searcher, second, offset, 5, floor);
                assertThat(fast.hits().stream().map(h -> h.key() + " " + h.score()).toList())
                        .isEqualTo(plain.hits().stream().map(h -> h.key() + " " + h.score()).toList());
                assertThat(fast.totalIsExact()).isEqualTo(plain.totalIsExact());
                if (plain.totalIsExact()) {
                    assertThat(fast.total()).isEqualTo(plain.total());
                } else {
                    assertThat(fast.total()).isEqualTo(SearchIndex.EXACT_TOTAL_UP_TO);
                    assertThat(plain.total()).isGreaterThan(SearchIndex.EXACT_TOTAL_UP_TO);
                }
                return true;
            });
            if (used) {
                floored++;
                beyondExact += index.withSearcher(s -> FlooredSearch.countUpTo(s, queries.build(request, null, s), 1000)) > 1000 ? 1 : 0;
            }
        }
        assertThat(floored).isGreaterThan(40);
        assertThat(beyondExact).as("some questions match more than 1 000 threads, some fewer").isBetween(1, floored - 1);
    }

    /** Letters only: the analyser splits words at digits. */
    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int k = n; k > 0; k /= 26) {
            b.append((char) ('a' + k % 26));
        }
        return b.toString();
    }

    private static String words(Random r, String[] vocabulary, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // Zipf-like: low indices far more often
            int k = (int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length, r.nextDouble())) - 1);
            b.append(i > 0 ? " " : "").append(vocabulary[k]);
        }
        return b.toString();
    }
}
