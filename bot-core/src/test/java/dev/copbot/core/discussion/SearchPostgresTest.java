package dev.copbot.core.discussion;

import dev.copbot.core.testing.StoreKind;

class SearchPostgresTest extends SearchScenarios {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
