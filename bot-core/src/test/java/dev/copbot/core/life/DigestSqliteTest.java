package dev.copbot.core.life;

import dev.copbot.core.testing.StoreKind;

class DigestSqliteTest extends DigestScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
