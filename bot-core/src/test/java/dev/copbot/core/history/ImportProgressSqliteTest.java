package dev.copbot.core.history;

import dev.copbot.core.testing.StoreKind;

class ImportProgressSqliteTest extends ImportProgressScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
