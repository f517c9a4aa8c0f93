package dev.copbot.core.expertise;

import dev.copbot.core.testing.StoreKind;

class ExpertPostgresTest extends ExpertScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
