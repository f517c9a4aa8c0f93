package dev.copbot.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The message a search hit links to is picked from the offsets in the index (no thread read or analysed again): the
 * one holding most of the query's words, the accepted answer winning a tie, the root when nothing else matches.
 */
class BestMessageTest {
    private static final ChannelId KAFKA = ChannelId.parse("slack:T1:C100");
    private static final UserId ASKER = UserId.parse("slack:T1:U1");
    private static final UserId HELPER = UserId.parse("slack:T1:U2");
    private static final UserId OTHER = UserId.parse("slack:T1:U3");
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final SearchIndex index = SearchIndex.inMemory(Ranking.defaults());
    private final SearchEngine engine = new SearchEngine(index, Ranking.defaults());

    @AfterEach
    void close() {
        index.close();
    }

    private static StoredMessage message(String id, UserId author, String text, int minutes) {
        return new StoredMessage(new MessageId(KAFKA, id), "1000.1", author, text, T0.plusSeconds(60L * minutes), List.of());
    }

    /** A reply the asker marked with a check mark: the thread's accepted answer. */
    private static StoredMessage accepted(String id, UserId author, String text, int minutes) {
        return new StoredMessage(new MessageId(KAFKA, id), "1000.1", author, text, T0.plusSeconds(60L * minutes),
                List.of(new StoredMessage.StoredReaction(ASKER, "white_check_mark")));
    }

    private ThreadDocument index(StoredMessage... messages) {
        ThreadDocument doc = ThreadDocument.of(new ThreadKey(KAFKA, "1000.1"), List.of(messages));
        index.upsert(doc, "slack:T1", 1);
        index.refresh();
        return doc;
    }

    private String linked(String query) {
        SearchEngine.Results found = engine.search(SearchRequest.parse(query), null, 0, 5, true);
        assertThat(found.results()).hasSize(1);
        return found.results().get(0).message();
    }

    @Test
    void eachStartPointsAtItsMessageInTheIndexedText() {
        ThreadDocument doc = index(
                message("1000.1", ASKER, "*Consumer lag keeps growing*\nafter a rebalance", 0),
                message("1000.2", HELPER, "Raise max.poll.records", 1),
                message("1000.3", OTHER, "  <@U1> same here", 2));
        String text = doc.title() + "\n" + doc.body();
        assertThat(doc.starts()).extracting(ThreadDocument.MessageStart::message).containsExactly("1000.1", "1000.2", "1000.3");
        assertThat(text.substring(doc.starts().get(0).offset())).startsWith(doc.title());
        assertThat(text.substring(doc.starts().get(1).offset())).startsWith("Raise max.poll.records");
        assertThat(text.substring(doc.starts().get(2).offset())).startsWith(Markup.plain("  <@U1> same here"));
    }

    @Test
    void aRootWithOnlyATitleLineKeepsTheRepliesOffsetsRight() {
        // The body starts with the first reply here, so nothing before it may shift the offsets.
        ThreadDocument doc = index(
                message("1000.1", ASKER, "Consumer lag keeps growing", 0),
                message("1000.2", HELPER, "Raise max.poll.records", 1));
        String text = doc.title() + "\n" + doc.body();
        assertThat(text.substring(doc.starts().get(1).offset())).startsWith("Raise max.poll.records");
        assertThat(linked("max.poll.records")).isEqualTo("1000.2");
    }

    @Test
    void theMessageWithMostOfTheWordsIsLinked() {
        index(message("1000.1", ASKER, "Consumer lag keeps growing\nafter a rebalance of the group", 0),
                message("1000.2", HELPER, "Check the rebalance listener and the consumer poll interval", 1),
                message("1000.3", OTHER, "poll interval matters", 2));
        assertThat(linked("consumer rebalance poll interval")).isEqualTo("1000.2");
        assertThat(linked("rebalance group")).isEqualTo("1000.1");
        // Stemmed matches count: "growing" in the root, "grows" asked.
        assertThat(linked("grows")).isEqualTo("1000.1");
    }

    @Test
    void theAcceptedAnswerWinsATieAndTheRootWinsWhenOnlyOtherWordsMatch() {
        index(message("1000.1", ASKER, "Consumer lag keeps growing", 0),
                message("1000.2", HELPER, "Try a bigger heap for the broker", 1),
                accepted("1000.3", OTHER, "Bigger heap fixed it for us", 2));
        assertThat(linked("bigger heap")).isEqualTo("1000.3");
        // Words found only in the root's title: the root.
        assertThat(linked("consumer lag")).isEqualTo("1000.1");
    }
}
