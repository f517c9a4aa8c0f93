package dev.copbot.core.dashboard;

import dev.copbot.core.testing.StoreKind;

class DashboardSqliteTest extends DashboardScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
