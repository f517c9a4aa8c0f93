package dev.copbot.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.discussion.IndexFollower;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.StoreKind;
import dev.copbot.core.testing.TcpProxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSearch goes away while the bot runs: a search answers that search is unavailable (no stack trace, no "our
 * fault"), messages keep landing in the store, and when the node is back the change log brings the index up to
 * date with nothing lost.
 */
class OpenSearchDownTest {
    static final Channel OPS = new Channel(ChannelId.parse("slack:T1:C1"), "ops", Visibility.PUBLIC);
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path tmp;
    Database db;
    TcpProxy proxy;
    OpenSearchIndex index;
    BotDriver bot;
    IndexFollower follower;

    @BeforeEach
    void start() throws Exception {
        URI node = OpenSearchNode.url();
        proxy = new TcpProxy(node.getPort());
        String name = OpenSearchNode.newIndex("down").indexName();
        index = OpenSearchIndex.connect(URI.create("http://127.0.0.1:" + proxy.port()), null, null, name,
                Ranking.defaults());
        db = StoreKind.SQLITE.open(tmp);
        bot = new BotDriver(db, index);
        bot.bot().discussions().reconcile();
        bot.indexChannel(OPS, T0);
        follower = IndexFollower.start(bot.bot().discussions(), Duration.ofMillis(200));
    }

    @AfterEach
    void stop() throws Exception {
        follower.close();
        proxy.up();
        bot.bot().discussions().close();
        proxy.close();
        StoreKind.SQLITE.dispose(db);
    }

    @Test
    void searchSaysItIsUnavailableAndTheIndexCatchesUpAfterwards() throws Exception {
        bot.post(OPS, "1.1", "slack:T1:U1", "*Kubelet evicts pods*\nunder memory pressure", null, T0);
        assertThat(found("kubelet")).containsExactly("1.1");

        assertThat(index.reachable()).isTrue();
        proxy.down();
        assertThat(index.reachable()).as("what /metrics reports as copbot_search_backend_up").isFalse();
        bot.post(OPS, "2.1", "slack:T1:U2", "*Certificate rotation failed*\nthe ingress kept the old one", null,
                T0.plusSeconds(60));
        bot.post(OPS, "2.2", "slack:T1:U1", "restart the ingress pods after rotating", "2.1", T0.plusSeconds(90));
        Reply down = bot.as("slack:T1:U1", "search certificate rotation");
        assertThat(down.ok()).isFalse();
        assertThat(down.text()).isEqualTo("Search is unavailable right now, try again in a minute.")
                .doesNotContain("Exception", "Something went wrong");
        assertThat(db.count("SELECT COUNT(*) FROM messages")).as("the store took every message").isEqualTo(3);

        proxy.up();
        assertThat(index.reachable()).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Object> found = List.of();
        while (System.nanoTime() < deadline && !found.equals(List.of("2.1"))) {
            Thread.sleep(100);
            Reply r = bot.as("slack:T1:U1", "search certificate rotation");
            found = r.ok() ? threads(r) : List.of();
        }
        assertThat(found).as("the thread posted while OpenSearch was down").containsExactly("2.1");
        assertThat(found("ingress rotating")).as("its reply, posted while down too").containsExactly("2.1");
        assertThat(found("kubelet")).containsExactly("1.1");
        assertThat(bot.bot().discussions().changesBehind()).isZero();
    }

    List<Object> found(String words) {
        Reply r = bot.as("slack:T1:U1", "search " + words);
        assertThat(r.ok()).as(r.text()).isTrue();
        return threads(r);
    }

    @SuppressWarnings("unchecked")
    static List<Object> threads(Reply r) {
        return ((List<Map<String, Object>>) r.data().get("results")).stream().map(m -> m.get("thread")).toList();
    }
}
