package dev.copbot.core.history;

import dev.copbot.core.testing.StoreKind;

class SlackImportSqliteTest extends SlackImportScenarios {
    @Override
    StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
