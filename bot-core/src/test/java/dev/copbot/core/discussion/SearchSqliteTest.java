package dev.copbot.core.discussion;

import dev.copbot.core.testing.StoreKind;

class SearchSqliteTest extends SearchScenarios {
    @Override
    StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
