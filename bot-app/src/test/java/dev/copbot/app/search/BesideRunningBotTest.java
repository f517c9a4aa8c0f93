package dev.copbot.app.search;

import static dev.copbot.app.search.IndexLifecycleTest.CHANNEL;
import static dev.copbot.app.search.IndexLifecycleTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.Main;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.UserId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copbot console} and {@code copbot reindex} while {@code copbot run} holds the data directory's search index:
 * the console searches the bot's index read-only and writes the store; reindex refuses and says what to do.
 */
class BesideRunningBotTest {
    @TempDir
    Path data;
    Settings settings;
    BotRuntime running;
    String out;
    String err;

    @BeforeEach
    void startTheBot() {
        settings = new ConfigLoader(Map.of()).load(Optional.empty(), Optional.of(data));
        running = BotRuntime.start(settings, Clock.systemUTC());
        running.bot().run(Inbound.CommandInvoked.of(Actor.of(UserId.console("admin"), "admin"),
                CHANNEL.id(), "community create general channel:#general"));
        post(running, "1", "How do I rotate the TLS certificate of the ingress?");
        running.bot().discussions().flush(); // what the bot's 5 s flusher does
    }

    @AfterEach
    void stopTheBot() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void theConsoleSearchesTheRunningBotsIndexAndWritesTheStore() {
        int exit = cli("search ingress certificate\ncommunity create platform\n", "console", "--json");

        assertThat(exit).isZero();
        assertThat(err).contains("copbot run is using this data directory");
        assertThat(out).contains("How do I rotate the TLS certificate of the ingress?");
        assertThat(out.lines().filter(l -> l.contains("\"ok\":true")).count()).isEqualTo(2);
        assertThat(new CommunityStore(running.database()).find("platform")).isPresent();
    }

    @Test
    void theConsoleSeesWhatTheBotSavesLaterAndTheBotIndexesWhatTheConsoleStores() throws Exception {
        try (BotRuntime console = BotRuntime.startForConsole(settings, Clock.systemUTC())) {
            assertThat(console.storeOnly()).isTrue();
            post(running, "2", "Which JVM flags for low-latency garbage collection?");
            running.bot().discussions().flush();
            within(() -> IndexLifecycleTest.find(console, "garbage collection").equals(List.of("2")),
                    "the bot's later commit in the console");

            post(console, "3", "Rolling back a Helm release keeps the old secrets");
            within(() -> IndexLifecycleTest.find(running, "helm rollback").equals(List.of("3")),
                    "the console's message in the running bot's index");
        }
    }

    @Test
    void aRestoreRefusesWhileAConsoleOpenedBesideTheBotOutlivesIt() {
        Path backup = data.resolve("backup.db");
        assertThat(cli("", "backup", backup.toString())).as(err).isZero();
        try (BotRuntime console = BotRuntime.startForConsole(settings, Clock.systemUTC())) {
            assertThat(console.storeOnly()).isTrue();
            running.close();
            running = null;

            assertThat(cli("", "restore", backup.toString())).isNotZero();
            assertThat(err).contains("is in use", "stop it first");
        }
        assertThat(cli("", "restore", backup.toString())).as(err).isZero();
    }

    /** Polls for up to 3 s: the console looks for a newer commit at most once a second. */
    static void within(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 3 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void reindexRefusesAndSaysWhatToDo() {
        int exit = cli("", "reindex");

        assertThat(exit).isEqualTo(1);
        assertThat(err).contains("copbot run is using the search index", "stop the bot, run copbot reindex");
        assertThat(IndexLifecycleTest.find(running, "ingress certificate")).containsExactly("1");
    }

    private int cli(String input, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--data";
            all[args.length + 1] = data.toString();
            return Main.commandLine().execute(all);
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }
}
