package dev.copbot.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.Main;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import dev.copbot.core.discussion.SearchRequest;
import dev.copbot.core.platform.UserId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copbot import} while {@code copbot run} holds the data directory: the import writes the store and its change
 * log only, and the running bot makes the import searchable through the log, without a restart.
 */
class ImportBesideTheBotTest {
    @TempDir
    Path data;
    @TempDir
    Path export;

    @Test
    void anImportWhileTheBotRunsIsSearchableOnTheRunningBot() throws Exception {
        Settings settings = new ConfigLoader(Map.of()).load(Optional.empty(), Optional.of(data));
        writeExport();
        try (BotRuntime running = BotRuntime.start(settings, Clock.systemUTC())) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream old = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = Main.commandLine().execute("import", "slack-export", export.toString(), "--data", data.toString());
            } finally {
                System.setErr(old);
            }
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("copbot run is using this data directory");

            long deadline = System.nanoTime() + 2_000_000_000L;
            while (found(running) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(found(running)).isEqualTo(1);
            assertThat(running.bot().discussions().rebuilds()).isZero();
        }
    }

    static long found(BotRuntime runtime) {
        return runtime.bot().discussions().search(UserId.parse("slack:T0TEST:U1"),
                SearchRequest.parse("certificate rotation"), 0, 10).total();
    }

    void writeExport() throws Exception {
        Files.writeString(export.resolve("users.json"), """
                [{"id": "U1", "team_id": "T0TEST", "name": "alice", "profile": {"display_name": "Alice"}}]""");
        Files.writeString(export.resolve("channels.json"), """
                [{"id": "C1", "name": "ops", "created": 1704000000, "members": ["U1"]}]""");
        Files.createDirectories(export.resolve("ops"));
        Files.writeString(export.resolve("ops/2024-01-01.json"), """
                [{"type": "message", "user": "U1", "text": "How do we automate the certificate rotation?",
                  "ts": "1704100000.000100"}]""");
    }
}
