package dev.copbot.core.event;

import dev.copbot.core.testing.StoreKind;

class EventCommandSqliteTest extends EventCommandScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
