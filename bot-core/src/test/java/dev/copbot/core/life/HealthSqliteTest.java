package dev.copbot.core.life;

import dev.copbot.core.testing.StoreKind;

class HealthSqliteTest extends HealthScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
