package dev.copbot.core.expertise;

import dev.copbot.core.testing.StoreKind;

class ExpertSqliteTest extends ExpertScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
