package dev.copbot.core.command;

import dev.copbot.core.testing.StoreKind;

class RateLimitSqliteTest extends RateLimitScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
