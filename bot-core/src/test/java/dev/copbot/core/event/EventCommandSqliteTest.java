package dev.copbot.core.event;

import dev.copbot.core.store.Database;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;

class EventCommandSqliteTest extends EventCommandScenarios {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }

    @Override
    Database reopen(Database old, Path dir) {
        old.close();
        return TestDatabases.sqlite(dir);
    }
}
