package dev.copbot.core.life;

import dev.copbot.core.testing.StoreKind;

class HealthPostgresTest extends HealthScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
