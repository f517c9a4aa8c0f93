package dev.copbot.core.event;

import dev.copbot.core.store.Database;
import dev.copbot.core.store.DatabaseSettings;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Closes a PostgreSQL test store and opens its schema again, as a restarted process would. */
final class EventStoreReopen {
    private EventStoreReopen() {}

    static Database postgres(Database old) {
        String schema;
        try (Connection c = old.dataSource().getConnection()) {
            schema = c.getSchema();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        old.close();
        return Database.open(new DatabaseSettings(Path.of("target"), Optional.of(TestDatabases.POSTGRES_URL),
                Optional.of(TestDatabases.POSTGRES_USER), Optional.empty(), Optional.of(schema)));
    }
}
