package dev.copbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreScenarios {
    @BeforeAll
    static void server() {
        TestDatabases.requirePostgres();
    }

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }

    @Override
    void dispose(Database database) {
        TestDatabases.dropSchema(database);
        database.close();
    }

    @Test
    void runsOnPostgres() {
        assertThat(db.kind()).isEqualTo(Database.Kind.POSTGRESQL);
        assertThat(db.queryOne("SELECT version()", rs -> rs.getString(1)).orElseThrow()).startsWith("PostgreSQL");
    }
}
