package dev.copbot.core.history;

import dev.copbot.core.store.Database;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;

class SlackImportSqliteTest extends SlackImportScenarios {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }

    @Override
    void dispose(Database database) {
        database.close();
    }
}
