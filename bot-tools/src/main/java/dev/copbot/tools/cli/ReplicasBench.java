package dev.copbot.tools.cli;

import dev.copbot.app.cli.ConsoleCommand;
import dev.copbot.core.store.DatabaseSettings;
import dev.copbot.tools.bench.ReplicaBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
        dev.copbot.opensearch.OpenSearchIndex[] shared = {null};
        try {
            if (backend.openSearch()) {
                System.out.println("search backend: " + backend.describe() + ", one index shared by both replicas");
                new ReplicaBenchmark(System.out, (name, index) -> {
                    if (shared[0] == null) {
                        shared[0] = backend.scratchIndex("bench-replicas", dev.copbot.core.discussion.Ranking.defaults());
                        return shared[0];
                    }
                    return dev.copbot.opensearch.OpenSearchIndex.connect(backend.url(), null, null, shared[0].indexName(),
                            dev.copbot.core.discussion.Ranking.defaults());
                }).run(store, dir, messages);
            } else {
                new ReplicaBenchmark(System.out).run(store, dir, messages);
            }
        } finally {
            if (shared[0] != null) { // closed with its replica: drop through a connection of its own
                try (var again = dev.copbot.opensearch.OpenSearchIndex.connect(backend.url(), null, null,
                        shared[0].indexName(), dev.copbot.core.discussion.Ranking.defaults())) {
                    again.drop();
                }
            }
            if (database != null) {
                try (Connection c = DriverManager.getConnection(database, user,
                        System.getenv("COPBOT_DATABASE_PASSWORD")); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return 0;
    }
}
