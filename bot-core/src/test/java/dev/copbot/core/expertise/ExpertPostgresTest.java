package dev.copbot.core.expertise;

import dev.copbot.core.testing.StoreKind;

class ExpertPostgresTest extends ExpertScenarios {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
