package dev.copbot.core.kudos;

import dev.copbot.core.testing.StoreKind;

class KudosSqliteTest extends KudosScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
