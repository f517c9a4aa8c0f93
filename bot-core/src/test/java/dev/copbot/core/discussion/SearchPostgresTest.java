package dev.copbot.core.discussion;

import dev.copbot.core.testing.StoreKind;

class SearchPostgresTest extends SearchScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
