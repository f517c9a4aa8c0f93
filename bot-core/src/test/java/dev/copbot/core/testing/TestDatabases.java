package dev.copbot.core.testing;

import dev.copbot.core.store.Database;
import dev.copbot.core.store.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Stores for tests: an SQLite file in a temporary directory, or a fresh schema on the PostgreSQL server at
 * 127.0.0.1:5432 (override with COPBOT_TEST_POSTGRES_URL). Without a server, PostgreSQL tests are skipped with the
 * reason printed, unless COPBOT_REQUIRE_POSTGRES=1 (CI), where they fail instead.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = Optional.ofNullable(System.getenv("COPBOT_TEST_POSTGRES_URL"))
            .orElse("jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = Optional.ofNullable(System.getenv("COPBOT_TEST_POSTGRES_USER"))
            .orElse("postgres");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestDatabases() {}

    public static Database sqlite(Path dir) {
        return Database.open(DatabaseSettings.embedded(dir));
    }

    /** A PostgreSQL store in a schema of its own; {@link #dropSchema} removes it. */
    public static Database postgres() {
        requirePostgres();
        String schema = "copbot_test_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        return Database.open(new DatabaseSettings(Path.of("target"), Optional.of(POSTGRES_URL), Optional.of(POSTGRES_USER),
                Optional.empty(), Optional.of(schema)));
    }

    public static void dropSchema(Database db) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + c.getSchema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null)) {
            c.isValid(2);
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + POSTGRES_URL + " (" + e.getMessage() + ")";
            if ("1".equals(System.getenv("COPBOT_REQUIRE_POSTGRES"))) {
                Assertions.fail(reason + ", and COPBOT_REQUIRE_POSTGRES=1 says it must be.");
            }
            System.out.println("SKIPPED: " + reason + ": PostgreSQL tests skipped.");
            Assumptions.abort(reason);
        }
    }
}
