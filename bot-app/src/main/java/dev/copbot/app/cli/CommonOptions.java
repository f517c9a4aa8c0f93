package dev.copbot.app.cli;

import dev.copbot.app.backup.EmbeddedStore;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory: the embedded store and the search index (default: $COPBOT_DATA, else ./data).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: $COPBOT_CONFIG, else ./copbot.yaml when present).")
    Path config;

    public Settings settings() {
        return new ConfigLoader(System.getenv()).load(Optional.ofNullable(config), Optional.ofNullable(data));
    }

    /**
     * The embedded store for {@code backup} and {@code restore}, with logs quietened; empty after telling a PostgreSQL
     * user which tool does the job there ({@code instead}).
     */
    Optional<EmbeddedStore> embeddedStore(String command, String instead) {
        ConsoleCommand.quietLogs();
        Settings settings = settings();
        Optional<EmbeddedStore> store = EmbeddedStore.of(settings);
        if (store.isEmpty()) {
            System.err.println("copbot " + command + ": the store is PostgreSQL (" + settings.database().describe()
                    + "); " + instead);
        }
        return store;
    }
}
