package dev.copbot.core.kudos;

import dev.copbot.core.testing.StoreKind;

class KudosPostgresTest extends KudosScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
