package dev.copbot.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.discussion.IndexFollower;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.discussion.SearchRequest;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one store, each with its own index directory and its own connection pool, as on two machines: what
 * one commits (a message, an edit, a deletion, a membership change, an import) is searchable on the other within 2 s,
 * through the change log. On PostgreSQL a notification wakes the other replica; on SQLite it polls.
 */
abstract class ReplicaScenarios {
    static final Duration WITHIN = Duration.ofSeconds(2);
    static final Channel OPS = new Channel(ChannelId.parse("slack:T0TEST:C7"), "ops", Visibility.PUBLIC);
    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path tmp;
    Database storeA;
    Database storeB;
    CopBot a;
    CopBot b;
    final List<AutoCloseable> open = new ArrayList<>();

    abstract StoreKind kind();

    @BeforeEach
    void start() {
        storeA = kind().open(tmp.resolve("store"));
        storeB = kind().another(storeA, tmp.resolve("store"));
        a = replica(storeA, "a");
        b = replica(storeB, "b");
        a.discussions().store().channels().upsert(OPS, AT);
        a.discussions().store().channels().setIndexed(OPS.id(), true);
        // The first search of a JVM loads and compiles the search code (over a second here): not what is measured.
        found(a, "warm up");
        found(b, "warm up");
    }

    /** Replica {@code name}'s search backend: an index directory of its own, as on its own machine. */
    SearchBackend index(String name) {
        return SearchIndex.open(tmp.resolve("index-" + name), Ranking.defaults());
    }

    CopBot replica(Database store, String name) {
        SearchBackend index = index(name);
        CopBot bot = new CopBot(store, index, BotSettings.defaults(), BotDriver.CLOCK, new ChatPorts());
        bot.discussions().reconcile();
        open.add(bot.discussions());
        open.add(IndexFollower.start(bot.discussions(), Duration.ofMillis(500)));
        return bot;
    }

    @AfterEach
    void stop() throws Exception {
        Exception first = null;
        for (AutoCloseable c : open.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (storeB != null) {
            storeB.close();
        }
        kind().dispose(storeA);
        if (first != null) {
            throw first;
        }
    }

    @Test
    void aMessageItsEditAndItsDeletionReachTheOtherReplica() {
        MessageId id = new MessageId(OPS.id(), "1700000000.000100");
        a.handle(new Inbound.MessagePosted(new Message(id, UserId.parse("slack:T0TEST:U1"),
                "Kubelet evicts pods under memory pressure", AT, Optional.empty()), OPS));
        assertThat(found(a, "kubelet eviction")).containsExactly(id.id()); // at once on the replica that wrote it
        within(() -> found(b, "kubelet eviction").equals(List.of(id.id())), "the message on B");

        a.handle(new Inbound.MessageEdited(id, "Kubelet evicts pods when the node runs out of ephemeral storage",
                AT.plusSeconds(60)));
        within(() -> found(b, "ephemeral storage").equals(List.of(id.id())), "the edit on B");
        assertThat(found(b, "memory pressure")).as("old text on B").isEmpty();

        a.handle(new Inbound.MessageDeleted(id, AT.plusSeconds(120)));
        assertThat(found(a, "ephemeral storage")).as("deleted on A").isEmpty();
        within(() -> found(b, "ephemeral storage").isEmpty(), "the deletion on B");
    }

    @Test
    void anImportBesideRunningReplicasReachesBoth() throws Exception {
        Path export = SlackFixture.write(tmp.resolve("export"));
        // copbot import beside running bots: its own process, writing the store and the log only.
        try (Database importing = kind().another(storeA, tmp.resolve("store"))) {
            CopBot importer = new CopBot(importing, BotSettings.defaults(), BotDriver.CLOCK, new ChatPorts());
            importer.discussions().writeStoreOnly();
            try (SlackExportReader reader = SlackExportReader.open(export, Optional.empty(), Set.of(), p -> {})) {
                new HistoryImport(importer.discussions(), new UserDirectory(importing), new CommunityStore(importing),
                        BotDriver.CLOCK).run(reader, Optional.empty(), ImportListener.SILENT);
            }
        }
        within(() -> found(a, "consumer lag rebalance").contains(SlackFixture.ROOT_TS), "the import on A");
        within(() -> found(b, "consumer lag rebalance").contains(SlackFixture.ROOT_TS), "the import on B");
        assertThat(a.discussions().rebuilds() + b.discussions().rebuilds()).isZero();
    }

    @Test
    void aMembershipChangeOnOneReplicaOpensThePrivateChannelOnTheOther() throws Exception {
        Channel leads = new Channel(ChannelId.parse("slack:T0TEST:G1"), "leads", Visibility.PRIVATE);
        a.discussions().store().channels().upsert(leads, AT);
        a.discussions().store().channels().setIndexed(leads.id(), true);
        a.handle(new Inbound.MemberJoinedChannel(leads, UserId.parse("slack:T0TEST:U1"), AT));
        a.handle(new Inbound.MessagePosted(new Message(new MessageId(leads.id(), "1"), UserId.parse("slack:T0TEST:U1"),
                "Lag budget for the next quarter", AT, Optional.empty()), leads));
        UserId bob = UserId.parse("slack:T0TEST:U2");
        within(() -> found(b, "lag budget").size() == 1, "the private message on B, for its member");
        assertThat(found(b, bob, "lag budget")).isEmpty(); // B now remembers that bob may not read it

        a.handle(new Inbound.MemberJoinedChannel(leads, bob, AT));
        within(() -> found(b, bob, "lag budget").size() == 1, "bob's new access on B");
    }

    static List<String> found(CopBot bot, String words) {
        return found(bot, UserId.parse("slack:T0TEST:U1"), words);
    }

    static List<String> found(CopBot bot, UserId asker, String words) {
        return bot.discussions().search(asker, SearchRequest.parse(words), 0, 10).results().stream()
                .map(r -> r.hit().key().root()).toList();
    }

    /** Polls until {@code condition} holds, failing after {@link #WITHIN}. */
    static void within(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not there within " + WITHIN.toMillis() + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
