package dev.copbot.core.discussion;

import dev.copbot.core.testing.StoreKind;

class SearchSqliteTest extends SearchScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
