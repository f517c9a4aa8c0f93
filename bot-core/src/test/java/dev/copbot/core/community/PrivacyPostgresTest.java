package dev.copbot.core.community;

import dev.copbot.core.testing.StoreKind;

class PrivacyPostgresTest extends PrivacyScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
