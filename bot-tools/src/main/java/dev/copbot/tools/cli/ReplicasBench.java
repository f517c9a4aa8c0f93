package dev.copbot.tools.cli;

import dev.copbot.app.cli.ConsoleCommand;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.store.DatabaseSettings;
import dev.copbot.opensearch.OpenSearchIndex;
import dev.copbot.tools.bench.ReplicaBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "replicas", mixinStandardHelpOptions = true,
        description = {"Two replicas on one store, each with its own index: time from a post (and a deletion) on A",
                "until B's search reflects it, p50/p99 over N messages. PostgreSQL: a fresh schema, dropped afterwards."})
final class ReplicasBench implements Callable<Integer> {
    @Option(names = "--messages", defaultValue = "1000", description = "messages to post (default ${DEFAULT-VALUE})")
    int messages;
    @Option(names = "--database", paramLabel = "JDBC-URL",
            description = "a jdbc:postgresql: URL (default: an SQLite file in a temporary directory)")
    String database;
    @Option(names = "--user", defaultValue = "postgres", description = "PostgreSQL user (default ${DEFAULT-VALUE})")
    String user;

    @picocli.CommandLine.Mixin
    BackendOptions backend;

    @Override
    public Integer call() throws Exception {
        ConsoleCommand.quietLogs();
        Path dir = Files.createTempDirectory("copbot-bench-replicas");
        String schema = "copbot_bench_" + ProcessHandle.current().pid();
        DatabaseSettings store = database == null ? DatabaseSettings.embedded(dir)
                : new DatabaseSettings(dir, Optional.of(database), Optional.of(user),
                        Optional.ofNullable(System.getenv("COPBOT_DATABASE_PASSWORD")), Optional.of(schema));
        System.out.printf("copbot bench replicas: %,d messages, store %s (java %s, %d cores)%n", messages,
                store.describe(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        String sharedIndex = BackendOptions.scratchName("bench-replicas");
        boolean[] connected = {false};
        try {
            if (backend.openSearch()) {
                System.out.println("search backend: " + backend.describe() + ", one index shared by both replicas");
                new ReplicaBenchmark(System.out, (name, index) -> {
                    OpenSearchIndex replica = backend.connect(sharedIndex, Ranking.defaults());
                    connected[0] = true;
                    return replica;
                }).run(store, dir, messages);
            } else {
                new ReplicaBenchmark(System.out).run(store, dir, messages);
            }
        } finally {
            if (connected[0]) { // closed with its replicas: dropped through a connection of its own
                try (OpenSearchIndex again = backend.connect(sharedIndex, Ranking.defaults())) {
                    again.drop();
                }
            }
            if (database != null) {
                try (Connection c = DriverManager.getConnection(database, user,
                        System.getenv("COPBOT_DATABASE_PASSWORD")); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
            ScratchDir.delete(dir);
        }
        return 0;
    }
}
