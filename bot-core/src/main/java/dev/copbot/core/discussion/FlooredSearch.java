package dev.copbot.core.discussion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The best hits of a query when the caller already knows a score that enough threads reach (feedback's second pass:
 * its query only adds words to the first pass's, so the first pass's best threads score at least as much again).
 * Lucene's top-k pruning normally starts from nothing and learns its threshold as hits come in; starting it at the
 * known floor lets it skip most threads of a long question from the first document on. The hits are the same.
 * The total is counted apart, without scores, up to {@link SearchIndex#EXACT_TOTAL_UP_TO}: the same "exact up to
 * 1 000, a lower bound beyond" a normal search reports.
 */
final class FlooredSearch {
    private FlooredSearch() {}

    /** The best {@code n} hits; any thread scoring below {@code floor} may be skipped unseen. */
    static TopDocs top(IndexSearcher searcher, Query query, int n, float floor) throws IOException {
        TopScoreDocCollectorManager plain = new TopScoreDocCollectorManager(n, n);
        return searcher.search(query, new CollectorManager<Floored, TopDocs>() {
            @Override
            public Floored newCollector() {
                return new Floored(plain.newCollector(), floor);
            }

            @Override
            public TopDocs reduce(Collection<Floored> collectors) throws IOException {
                return plain.reduce(collectors.stream().map(Floored::top).toList());
            }
        });
    }

    /**
     * The scores {@code query} gives the threads {@code docs} (0 for one it does not match), read by advancing its
     * scorer to each: a few postings reads, against the whole scan a search is.
     */
    static float[] scoresOf(IndexSearcher searcher, Query query, int[] docs) {
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            float[] out = new float[docs.length];
            for (int i = 0; i < docs.length; i++) {
                // A scorer only moves forward: a fresh one per thread (there are five).
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                Scorer scorer = weight.scorer(leaf);
                int doc = docs[i] - leaf.docBase;
                out[i] = scorer != null && scorer.iterator().advance(doc) == doc ? scorer.score() : 0f;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many threads match, counted exactly up to {@code upTo} and then no further: min(matches, upTo + 1). */
    static long countUpTo(IndexSearcher searcher, Query query, int upTo) {
        try {
            return searcher.search(query, new CollectorManager<Counter, Long>() {
                @Override
                public Counter newCollector() {
                    return new Counter(upTo);
                }

                @Override
                public Long reduce(Collection<Counter> counters) {
                    return Math.min(upTo + 1L, counters.stream().mapToLong(c -> c.count).sum());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Floored extends FilterCollector {
        private final float floor;

        Floored(TopScoreDocCollector top, float floor) {
            super(top);
            this.floor = floor;
        }

        TopScoreDocCollector top() {
            return (TopScoreDocCollector) in;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            return new FilterLeafCollector(super.getLeafCollector(context)) {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    scorer.setMinCompetitiveScore(floor);
                    // The collector raises the threshold as it fills; it must never lower it below the floor.
                    in.setScorer(new FilterScorable(scorer) {
                        @Override
                        public void setMinCompetitiveScore(float score) throws IOException {
                            in.setMinCompetitiveScore(Math.max(score, floor));
                        }
                    });
                }
            };
        }
    }

    private static final class Counter extends SimpleCollector {
        private final int upTo;
        long count;

        Counter(int upTo) {
            this.upTo = upTo;
        }

        @Override
        public void collect(int doc) {
            if (++count > upTo) {
                throw new CollectionTerminatedException();
            }
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            if (count > upTo) {
                throw new CollectionTerminatedException();
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
