package dev.copbot.core.expertise;

import dev.copbot.core.store.Database;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;

class ExpertSqliteTest extends ExpertScenarios {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }

    @Override
    void dispose(Database database) {
        database.close();
    }
}
