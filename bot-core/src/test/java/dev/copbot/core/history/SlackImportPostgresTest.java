package dev.copbot.core.history;

import dev.copbot.core.store.Database;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

class SlackImportPostgresTest extends SlackImportScenarios {
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
}
