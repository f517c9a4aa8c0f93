package dev.copbot.core.history;

import dev.copbot.core.testing.StoreKind;

class SlackImportPostgresTest extends SlackImportScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
