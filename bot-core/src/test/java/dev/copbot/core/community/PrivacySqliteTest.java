package dev.copbot.core.community;

import dev.copbot.core.testing.StoreKind;

class PrivacySqliteTest extends PrivacyScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
