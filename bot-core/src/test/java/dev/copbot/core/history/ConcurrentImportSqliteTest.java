package dev.copbot.core.history;

import dev.copbot.core.testing.StoreKind;

class ConcurrentImportSqliteTest extends ConcurrentImportScenarios {
    @Override
    StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
