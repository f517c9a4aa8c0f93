package dev.copbot.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The core's query shapes as the JSON the node receives (no node needed). */
class QueryTranslationTest {
    @Test
    void clausesBoostsFiltersAndAccessKeepTheirShape() {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term("title", "lag")), 0.2f), Occur.SHOULD)
                .add(new TermQuery(new Term("text", "lag")), Occur.SHOULD)
                .add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("solved", "1"))), 0.5f), Occur.SHOULD)
                .add(new TermInSetQuery("channel", List.of(new BytesRef("slack:T1:G2"))), Occur.MUST_NOT)
                .add(LongPoint.newRangeQuery("posted", 10L, 20L), Occur.FILTER)
                .build();
        assertThat(QueryTranslation.of(q).toString()).isEqualTo("{\"bool\":{"
                + "\"should\":[{\"bool\":{\"should\":[{\"term\":{\"title\":\"lag\"}}],\"boost\":0.2}},"
                + "{\"term\":{\"text\":\"lag\"}},"
                + "{\"bool\":{\"should\":[{\"constant_score\":{\"filter\":{\"term\":{\"solved\":\"1\"}}}}],\"boost\":0.5}}],"
                + "\"must_not\":[{\"terms\":{\"channel\":[\"slack:T1:G2\"]}}],"
                + "\"filter\":[{\"range\":{\"posted\":{\"gte\":10,\"lte\":20}}}]}}");
    }

    @Test
    void phrasesAreTheNodesOwnPhraseQueryAndStackedPartsAnyOfThem() {
        assertThat(QueryTranslation.of(new PhraseQuery(6, "text", "consum", "lag")).toString()).isEqualTo(
                "{\"match_phrase\":{\"text\":{\"query\":\"consum lag\",\"slop\":6,\"analyzer\":\"whitespace\"}}}");
        PhraseQuery gap = new PhraseQuery.Builder().add(new Term("text", "state"), 0).add(new Term("text", "art"), 3).build();
        assertThat(QueryTranslation.of(gap).toString()).isEqualTo("{\"span_near\":{\"clauses\":[{\"span_term\":"
                + "{\"text\":\"state\"}},{\"span_term\":{\"text\":\"art\"}}],\"slop\":2,\"in_order\":true}}");
        SynonymQuery parts = new SynonymQuery.Builder("text").addTerm(new Term("text", "kafka-consum"))
                .addTerm(new Term("text", "kafka")).build();
        assertThat(QueryTranslation.of(parts).toString()).isEqualTo("{\"dis_max\":{\"queries\":["
                + "{\"term\":{\"text\":\"kafka\"}},{\"term\":{\"text\":\"kafka-consum\"}}]}}");
    }

    @Test
    void aQueryTheCoreDoesNotBuildIsRefusedByName() {
        assertThatThrownBy(() -> QueryTranslation.of(new FuzzyQuery(new Term("text", "lag"))))
                .hasMessageContaining("cannot run a FuzzyQuery");
    }
}
