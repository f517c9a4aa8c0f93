package dev.copbot.core.event;

import dev.copbot.core.testing.StoreKind;

class FeedSqliteTest extends FeedScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
