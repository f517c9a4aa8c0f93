package dev.copbot.core.life;

import dev.copbot.core.testing.StoreKind;

class DigestPostgresTest extends DigestScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
