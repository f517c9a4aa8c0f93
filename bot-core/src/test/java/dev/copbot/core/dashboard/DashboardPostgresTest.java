package dev.copbot.core.dashboard;

import dev.copbot.core.testing.StoreKind;

class DashboardPostgresTest extends DashboardScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
