package dev.copbot.core.command;

import dev.copbot.core.testing.StoreKind;

class RateLimitPostgresTest extends RateLimitScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
