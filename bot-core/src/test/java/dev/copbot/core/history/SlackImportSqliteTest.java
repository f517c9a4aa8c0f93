package dev.copbot.core.history;

import dev.copbot.core.testing.StoreKind;

class SlackImportSqliteTest extends SlackImportScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
