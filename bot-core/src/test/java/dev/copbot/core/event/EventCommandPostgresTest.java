package dev.copbot.core.event;

import dev.copbot.core.store.Database;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** The same scenarios on PostgreSQL, in a schema of their own. */
class EventCommandPostgresTest extends EventCommandScenarios {
    @BeforeAll
    static void server() {
        TestDatabases.requirePostgres();
    }

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }

    @Override
    Database reopen(Database old, Path dir) {
        return EventStoreReopen.postgres(old);
    }

    @Override
    void dispose(Database database) {
        TestDatabases.dropSchema(database);
        database.close();
    }
}
