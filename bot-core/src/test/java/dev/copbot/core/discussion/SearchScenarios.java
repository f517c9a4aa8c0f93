package dev.copbot.core.discussion;

import dev.copbot.core.testing.OnEachStore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.StoreKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.copbot.core.reply.PlainText;
import dev.copbot.core.reply.Block;

/**
 * /cop search end to end: messages posted in community channels, searched through the router with every filter,
 * the access rules, live edits, deletions with tombstones and purges. Runs on each database.
 */
public abstract class SearchScenarios extends OnEachStore {
    static final Channel KAFKA = new Channel(ChannelId.parse("slack:T1:C100"), "kafka", Visibility.PUBLIC);
    static final Channel SECRET = new Channel(ChannelId.parse("slack:T1:G200"), "kafka-leads", Visibility.PRIVATE);
    static final Channel RANDOM = new Channel(ChannelId.parse("slack:T1:C300"), "random", Visibility.PUBLIC);
    static final Channel OTHER_WORKSPACE = new Channel(ChannelId.parse("slack:T2:C100"), "kafka", Visibility.PUBLIC);
    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    BotDriver bot;

    @BeforeEach
    void start() {
        bot = new BotDriver(db, backend());
        Actor admin = new Actor(UserId.parse("slack:T1:UADMIN"), "ada", Optional.empty(), true);
        assertThat(bot.as(admin, "community create kafka channel:<#C100|kafka>").ok()).isTrue();
        // The private channel is enabled by an admin (as an import does); T2 and #random are not indexed at all.
        bot.indexChannel(SECRET, T0);
        bot.indexChannel(OTHER_WORKSPACE, T0);
        bot.bot().handle(new Inbound.MemberJoinedChannel(SECRET, UserId.parse("slack:T1:ULEAD"), T0));

        bot.post(KAFKA, "1000.1", "slack:T1:UASK", "*Consumer lag keeps growing*\nOur kafka-consumer falls behind after a rebalance.", null, T0);
        bot.post(KAFKA, "1000.2", "slack:T1:UEXP", "Raise max.poll.records and check the NullPointerException in your handler.", "1000.1", T0.plusSeconds(60));
        bot.post(KAFKA, "1000.3", "slack:T1:UASK", "thanks, that worked", "1000.1", T0.plusSeconds(120));
        bot.bot().handle(new Inbound.ReactionAdded(new Reaction(new MessageId(KAFKA.id(), "1000.2"),
                UserId.parse("slack:T1:UASK"), "white_check_mark"), T0.plusSeconds(130)));
        bot.post(KAFKA, "2000.1", "slack:T1:UEXP", "*Upgrading brokers to v1.2.3*\nRolling restart with snake_case configs on k8s.", null,
                Instant.parse("2025-06-01T09:00:00Z"));
        bot.post(SECRET, "3000.1", "slack:T1:ULEAD", "*Consumer lag budget for Q3*\nKeep lag under a minute. <!channel> please read.", null, T0);
        bot.post(RANDOM, "4000.1", "slack:T1:UASK", "*Consumer lag memes*\nnot indexed: #random is no community channel", null, T0);
        bot.post(OTHER_WORKSPACE, "5000.1", "slack:T2:UX", "*Consumer lag in workspace two*\nnever visible from T1", null, T0);
    }

    /** The search backend the scenarios run on: the embedded index, unless a subclass says otherwise. */
    protected SearchBackend backend() {
        return SearchIndex.inMemory(Ranking.defaults());
    }

    Reply search(String user, String query) {
        return bot.as(new Actor(UserId.parse(user), user, Optional.empty(), false), "search " + query);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> results(Reply r) {
        assertThat(r.ok()).as(r.text()).isTrue();
        return (List<Map<String, Object>>) r.data().get("results");
    }

    static List<Object> threads(Reply r) {
        return results(r).stream().map(m -> m.get("thread")).toList();
    }

    @Test
    void findsThreadsByAnyOfTheirMessagesWithTheContractFields() {
        Reply r = search("slack:T1:UASK", "max.poll.records rebalance");
        assertThat(threads(r)).containsExactly("1000.1");
        Map<String, Object> hit = results(r).get(0);
        assertThat(hit).containsEntry("channel", "C100").containsEntry("thread", "1000.1")
                .containsEntry("message", "1000.2").containsEntry("title", "Consumer lag keeps growing")
                .containsEntry("permalink", "https://slack.com/archives/C100/p10002").containsEntry("solved", true)
                .containsEntry("replies", 2);
        assertThat((String) hit.get("snippet")).contains("**max.poll.records**", "**rebalance**");
        assertThat((Double) hit.get("score")).isPositive();
        assertThat(r.data()).containsEntry("total", 1L);
    }

    @Test
    void countsAgreeWithTheirNouns() {
        assertThat(search("slack:T1:UASK", "k8s").text()).startsWith("1 thread matches 'k8s'; showing 1–1.");
        assertThat(search("slack:T1:UASK", "consumer OR brokers").text()).startsWith("2 threads match");
    }

    @Test
    void technicalTokensAreFindableWholeAndInParts() {
        assertThat(threads(search("slack:T1:UASK", "NullPointerException"))).containsExactly("1000.1");
        assertThat(threads(search("slack:T1:UASK", "null pointer"))).containsExactly("1000.1");
        assertThat(threads(search("slack:T1:UASK", "v1.2.3"))).containsExactly("2000.1");
        assertThat(threads(search("slack:T1:UASK", "k8s"))).containsExactly("2000.1");
        assertThat(threads(search("slack:T1:UASK", "snake_case"))).containsExactly("2000.1");
        assertThat(threads(search("slack:T1:UASK", "kafka-consumer"))).containsExactly("1000.1");
        assertThat(threads(search("slack:T1:UASK", "upgrade broker"))).containsExactly("2000.1");
    }

    @Test
    void everyFilterNarrows() {
        assertThat(threads(search("slack:T1:UASK", "consumer OR brokers in:#kafka"))).containsExactlyInAnyOrder("1000.1", "2000.1");
        assertThat(threads(search("slack:T1:UASK", "consumer OR brokers in:<#C100|kafka> from:<@UEXP>")))
                .containsExactlyInAnyOrder("1000.1", "2000.1");
        assertThat(threads(search("slack:T1:UASK", "consumer OR brokers from:<@UASK>"))).containsExactly("1000.1");
        assertThat(threads(search("slack:T1:UASK", "consumer OR brokers after:2025-05-01"))).containsExactly("2000.1");
        assertThat(threads(search("slack:T1:UASK", "consumer OR brokers before:2025-05-01"))).containsExactly("1000.1");
        assertThat(threads(search("slack:T1:UASK", "consumer OR brokers is:solved"))).containsExactly("1000.1");
        assertThat(threads(search("slack:T1:UASK", "consumer OR brokers is:unsolved"))).containsExactly("2000.1");
        assertThat(threads(search("slack:T1:UASK", "consumer OR brokers community:kafka"))).containsExactlyInAnyOrder("1000.1", "2000.1");
        assertThat(threads(search("slack:T1:UASK", "lag -rebalance"))).isEmpty();
        assertThat(threads(search("slack:T1:UASK", "\"rolling restart\""))).first().isEqualTo("2000.1");
    }

    @Test
    void privateChannelsOnlyForTheirMembersAndNeverAnotherWorkspace() {
        assertThat(threads(search("slack:T1:ULEAD", "consumer lag"))).containsExactlyInAnyOrder("1000.1", "3000.1");
        Reply outsider = search("slack:T1:UASK", "consumer lag");
        assertThat(threads(outsider)).containsExactly("1000.1");
        assertThat(outsider.data()).containsEntry("total", 1L);
        assertThat(threads(search("slack:T2:UX", "consumer lag"))).containsExactly("5000.1");
        assertThat(threads(search("console:admin", "consumer lag"))).isEmpty();

        bot.bot().handle(new Inbound.MemberLeftChannel(SECRET, UserId.parse("slack:T1:ULEAD"), T0.plusSeconds(600)));
        assertThat(threads(search("slack:T1:ULEAD", "consumer lag"))).containsExactly("1000.1");
    }

    @Test
    void snippetsNeverPing() {
        Reply r = search("slack:T1:ULEAD", "budget");
        String snippet = (String) results(r).get(0).get("snippet");
        assertThat(snippet).contains("@\u200Bchannel").doesNotContain("<!channel>").doesNotContain("@channel");
    }

    @Test
    void editsReindexAndDeletionsLeaveTombstones() {
        bot.bot().handle(new Inbound.MessageEdited(new MessageId(KAFKA.id(), "1000.2"),
                "Raise fetch.min.bytes instead.", T0.plusSeconds(300)));
        assertThat(threads(search("slack:T1:UASK", "max.poll.records"))).isEmpty();
        assertThat(threads(search("slack:T1:UASK", "fetch.min.bytes"))).containsExactly("1000.1");

        MessageId reply = new MessageId(KAFKA.id(), "1000.2");
        bot.bot().handle(new Inbound.MessageDeleted(reply, T0.plusSeconds(400)));
        assertThat(threads(search("slack:T1:UASK", "fetch.min.bytes"))).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE message_id = '1000.2'")).isZero();

        // A late retry of the create, and a late edit, cannot bring it back.
        bot.post(KAFKA, "1000.2", "slack:T1:UEXP", "Raise max.poll.records", "1000.1", T0.plusSeconds(60));
        bot.bot().handle(new Inbound.MessageEdited(reply, "resurrected text", T0.plusSeconds(500)));
        assertThat(threads(search("slack:T1:UASK", "max.poll.records OR resurrected"))).isEmpty();

        bot.bot().handle(new Inbound.MessageDeleted(new MessageId(KAFKA.id(), "2000.1"), T0.plusSeconds(600)));
        assertThat(threads(search("slack:T1:UASK", "brokers"))).isEmpty();
    }

    @Test
    void removingAChannelOrTheWorkspacePurgesIt() {
        bot.bot().handle(new Inbound.ChannelRemoved(SECRET.id(), T0.plusSeconds(700)));
        assertThat(threads(search("slack:T1:ULEAD", "budget"))).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE channel_id = ?", SECRET.id().toString())).isZero();

        bot.bot().handle(new Inbound.WorkspaceRemoved(Platform.SLACK, "T1", T0.plusSeconds(800)));
        assertThat(threads(search("slack:T1:UASK", "consumer OR brokers"))).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE channel_id LIKE 'slack:T1:%'")).isZero();
        assertThat(threads(search("slack:T2:UX", "consumer"))).containsExactly("5000.1");
    }

    @Test
    void theIndexRebuildsFromTheStoreAlone() {
        long threads = bot.bot().discussions().rebuild();
        assertThat(threads).isEqualTo(4);
        assertThat(threads(search("slack:T1:UASK", "max.poll.records"))).containsExactly("1000.1");
        assertThat(threads(search("slack:T1:ULEAD", "budget"))).containsExactly("3000.1");
    }

    @Test
    void pagesAndTheMoreButton() {
        for (int i = 0; i < 7; i++) {
            bot.post(KAFKA, "9000." + i, "slack:T1:UEXP", "*Partition skew report " + i + "*\npartition skew details", null,
                    T0.plusSeconds(1000 + i));
        }
        Reply first = search("slack:T1:UASK", "partition skew");
        assertThat(results(first)).hasSize(5);
        assertThat(first.data()).containsEntry("total", 7L);
        assertThat(PlainText.render(first)).contains("[More results] → /cop search partition skew page:2");
        Reply second = search("slack:T1:UASK", "partition skew page:2");
        assertThat(results(second)).hasSize(2);
        assertThat(results(second)).extracting(m -> m.get("rank")).containsExactly(6, 7);
        assertThat(second.blocks()).noneMatch(b -> b instanceof Block.Actions);
    }

    @Test
    void badSearchesExplainThemselves() {
        assertThat(search("slack:T1:UASK", "lag after:2025-13-01").text()).contains("not a date for after", "YYYY-MM-DD");
        assertThat(search("slack:T1:UASK", "lag is:solve").text()).contains("Did you mean 'solved'?");
        assertThat(search("slack:T1:UASK", "lag community:kafak").text()).contains("Did you mean 'kafka'?");
        assertThat(search("slack:T1:UASK", "lag page:0").text()).contains("page: takes a number");
        assertThat(search("slack:T1:UASK", "lag in:#nowhere").text()).contains("no channel #nowhere");
        assertThat(search("slack:T1:UASK", "the of and").text()).contains("too common");
        assertThat(search("slack:T1:UASK", "-lag").text()).contains("at least one word");
        assertThat(search("slack:T1:UASK", "lag after:2025-06-01 before:2025-01-01").text()).contains("must be earlier");
        Reply none = search("slack:T1:UASK", "zeppelin");
        assertThat(none.ok()).isTrue();
        assertThat(none.text()).contains("No threads you can read match 'zeppelin'");
    }

    @Test
    void onlyCommunityChannelsAndChannelsAnAdminEnabledAreIndexed() {
        assertThat(threads(search("slack:T1:UASK", "memes"))).isEmpty();
        Actor admin = new Actor(UserId.parse("slack:T1:UADMIN"), "ada", Optional.empty(), true);
        Reply refused = search("slack:T1:UASK", "x").ok() ? bot.as(new Actor(UserId.parse("slack:T1:UASK"), "asker",
                Optional.empty(), false), "index enable <#C300|random>") : null;
        assertThat(refused.ok()).isFalse();
        assertThat(refused.text()).contains("Only admins");

        assertThat(bot.as(admin, "index enable <#C300|random>").ok()).isTrue();
        bot.post(RANDOM, "4000.2", "slack:T1:UASK", "*More consumer memes*\nnow indexed", null, T0.plusSeconds(5));
        assertThat(threads(search("slack:T1:UASK", "memes"))).containsExactly("4000.2");

        Reply off = bot.as(admin, "index disable <#C300|random>");
        assertThat(off.text()).contains("no longer indexed");
        assertThat(threads(search("slack:T1:UASK", "memes"))).isEmpty();
        assertThat(bot.as(admin, "index disable <#C100|kafka>").text()).contains("belongs to a community (kafka)");
        assertThat(threads(search("slack:T1:UASK", "rebalance"))).containsExactly("1000.1");
    }
}
