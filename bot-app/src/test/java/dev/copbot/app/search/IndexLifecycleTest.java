package dev.copbot.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.copbot.app.BotRuntime;
import dev.copbot.app.Main;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import dev.copbot.core.discussion.MessageStore;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.discussion.SearchRequest;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The index follows the store's change log: behind the store, it replays only the changes after its position; missing,
 * corrupt or from before the change log, it is rebuilt from the store on start, saying so in the log.
 */
class IndexLifecycleTest {
    static final Channel CHANNEL = new Channel(ChannelId.parse("console:general"), "general", Visibility.PUBLIC);

    @TempDir
    Path data;
    Settings settings;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() {
        settings = new ConfigLoader(Map.of()).load(Optional.empty(), Optional.of(data));
        logs.start();
        ((Logger) LoggerFactory.getLogger("dev.copbot")).addAppender(logs);
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC())) {
            runtime.bot().run(Inbound.CommandInvoked.of(Actor.of(UserId.console("admin"), "admin"),
                    CHANNEL.id(), "community create general channel:#general"));
            post(runtime, "1", "How do I rotate the TLS certificate of the ingress?");
            post(runtime, "2", "Which JVM flags for low-latency garbage collection?");
        }
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger("dev.copbot")).detachAppender(logs);
    }

    static void post(BotRuntime runtime, String id, String text) {
        runtime.bot().handle(new Inbound.MessagePosted(new Message(new MessageId(CHANNEL.id(), id),
                UserId.console("alice"), text, Instant.parse("2026-01-0" + id + "T10:00:00Z"), Optional.empty()), CHANNEL));
    }

    static List<String> find(BotRuntime runtime, String words) {
        return runtime.bot().discussions().search(UserId.console("bob"), SearchRequest.parse(words), 0, 10).results()
                .stream().map(r -> r.hit().key().root()).toList();
    }

    List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aCleanRestartKeepsTheIndexAsItIs() {
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC())) {
            assertThat(find(runtime, "tls certificate")).containsExactly("1");
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aCorruptIndexIsRebuiltOnStart() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("index"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC())) {
            assertThat(find(runtime, "garbage collection")).containsExactly("2");
        }
        assertThat(warnings()).anyMatch(w -> w.contains("unreadable") && w.contains("rebuilding it from the store"));
    }

    @Test
    void aMissingIndexIsRebuiltOnStart() throws Exception {
        try (Stream<Path> files = Files.walk(data.resolve("index"))) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC())) {
            assertThat(find(runtime, "ingress")).containsExactly("1");
        }
        assertThat(warnings()).anyMatch(w -> w.contains("there is no search index") && w.contains("rebuilding"));
    }

    @Test
    void anIndexBehindTheStoreReplaysOnlyTheChangesAfterItsPosition() {
        // As after a kill -9 between a store commit and the next index commit, or changes another replica or an
        // import made while this one was down: the store has changes the index lacks.
        try (var db = Database.open(settings.database())) {
            var store = new MessageStore(db);
            store.insertAll(List.of(new Message(new MessageId(CHANNEL.id(), "3"), UserId.console("carol"),
                    "Kafka consumer lag after deploy", Instant.parse("2026-01-03T10:00:00Z"), Optional.empty())));
            store.delete(new MessageId(CHANNEL.id(), "2"), Instant.parse("2026-01-04T10:00:00Z"));
        }
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC())) {
            assertThat(find(runtime, "consumer lag")).containsExactly("3");
            assertThat(find(runtime, "garbage collection")).isEmpty();
            assertThat(runtime.bot().discussions().rebuilds()).isZero();
            assertThat(runtime.bot().discussions().changesApplied()).isEqualTo(2); // the tail, and nothing else
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void anIndexFromBeforeTheChangeLogIsRebuiltOnce() {
        try (SearchIndex old = SearchIndex.open(data.resolve("index"), Ranking.defaults())) {
            old.commit(Map.of("stored_messages", "2")); // what an index recorded before the change log
        }
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC())) {
            assertThat(find(runtime, "ingress")).containsExactly("1");
            assertThat(runtime.bot().discussions().rebuilds()).isEqualTo(1);
        }
        assertThat(warnings()).anyMatch(w -> w.contains("predates the change log") && w.contains("rebuilding"));
        logs.list.clear();
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC())) {
            assertThat(runtime.bot().discussions().rebuilds()).isZero();
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void reindexRebuildsOnDemand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.commandLine().execute("reindex", "--data", data.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Reindexed 2 threads (2 messages)");
    }
}
