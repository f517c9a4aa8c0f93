package dev.copbot.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.discussion.StoredMessage;
import dev.copbot.core.discussion.ThreadDocument;
import dev.copbot.core.discussion.ThreadKey;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch backend's own promises, on a real node: the write with the higher change position wins whatever
 * the order they arrive in (so any replica may apply any change, late or twice), a deletion stays deleted against
 * older writes, and the recorded position only moves forward. Analysis matches the embedded index's.
 */
class OpenSearchIndexTest {
    static final ChannelId OPS = ChannelId.parse("slack:T1:C1");
    static final ThreadKey KEY = new ThreadKey(OPS, "1.1");
    OpenSearchIndex index;

    @BeforeEach
    void start() {
        index = OpenSearchNode.newIndex("versions");
    }

    @AfterEach
    void stop() {
        index.deleteAll();
        index.close();
    }

    static ThreadDocument thread(String text) {
        return ThreadDocument.of(KEY, List.of(new StoredMessage(new MessageId(OPS, "1.1"), "1.1",
                UserId.parse("slack:T1:U1"), text, Instant.parse("2026-11-20T10:00:00Z"), List.of())));
    }

    List<String> found(String term) {
        index.refresh();
        return index.withView(v -> v.search(new TermQuery(new Term(SearchIndex.TEXT, term)), 0, 10, 10).hits())
                .stream().map(h -> h.key().asString()).toList();
    }

    @Test
    void theNewestPositionWinsInAnyOrderAndADeletionStays() {
        index.upsert(thread("*Broker upgrade*\nrolling restart"), "T1", 5);
        index.upsert(thread("*Broker upgrade*\nstale text from an older change"), "T1", 3); // a late replica
        assertThat(found("roll")).containsExactly(KEY.asString());
        assertThat(found("stale")).isEmpty();

        index.upsert(thread("*Broker upgrade*\nrolling restart"), "T1", 5); // the same change applied twice
        index.delete(KEY, 4); // older than what the node holds: skipped
        assertThat(found("roll")).containsExactly(KEY.asString());

        index.delete(KEY, 8);
        index.upsert(thread("*Broker upgrade*\nrolling restart"), "T1", 7); // a late write after the deletion
        assertThat(found("roll")).isEmpty();
    }

    @Test
    void theRecordedPositionOnlyMovesForward() {
        assertThat(index.committedData()).isEmpty();
        index.commit(Map.of("change_position", "10"));
        index.commit(Map.of("change_position", "7")); // a replica that is behind
        assertThat(index.committedData()).containsEntry("change_position", "10")
                .containsEntry("format", OpenSearchIndex.FORMAT);
    }

    @Test
    void theNodeAnalysesTextIntoTheSameTokensAsTheEmbeddedIndex() throws Exception {
        try (Remote remote = new Remote(OpenSearchNode.url(), null, null)) {
            for (String text : List.of("NullPointerException in the kafka-consumer's handler",
                    "We use C++, C# and .NET; see v1.2.3 and snake_case_names at https://example.com/a?b=1",
                    "Mail ops@example.com: the brokers' disks are running out of space", "Éléphant naïve café 42x")) {
                var body = Remote.JSON.createObjectNode().put("analyzer", IndexLayout.ANALYZER).put("text", text);
                List<String> node = new java.util.ArrayList<>();
                remote.call("POST", "/" + index.indexName() + "/_analyze", body).path("tokens")
                        .forEach(t -> node.add(t.path("token").asText()));
                assertThat(node).as(text).isEqualTo(lucene(text)).isNotEmpty();
            }
        }
    }

    /** The embedded index's tokens for the text, in order. */
    static List<String> lucene(String text) throws java.io.IOException {
        List<String> out = new java.util.ArrayList<>();
        try (var analyzer = new dev.copbot.core.discussion.SearchAnalyzer(true);
             var ts = analyzer.tokenStream(SearchIndex.TEXT, text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void textIsAnalysedAsTheEmbeddedIndexAnalysesIt() {
        index.upsert(thread("*NullPointerException in the kafka-consumer*\nWe use C++ and .NET, see v1.2.3"), "T1", 1);
        for (String token : List.of("nullpointerexcept", "null", "pointer", "kafka", "consum", "cplusplu", "dotnet",
                "v1.2.3")) {
            assertThat(found(token)).as(token).containsExactly(KEY.asString());
        }
        assertThat(found("the")).as("a stop word").isEmpty();
    }
}
