package dev.copbot.core.history;

import dev.copbot.core.testing.StoreKind;

class ConcurrentImportPostgresTest extends ConcurrentImportScenarios {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
