package dev.copbot.core.event;

import dev.copbot.core.testing.StoreKind;

class ReminderSqliteTest extends ReminderScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
