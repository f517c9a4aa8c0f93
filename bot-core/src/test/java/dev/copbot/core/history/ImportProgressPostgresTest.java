package dev.copbot.core.history;

import dev.copbot.core.testing.StoreKind;

class ImportProgressPostgresTest extends ImportProgressScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
