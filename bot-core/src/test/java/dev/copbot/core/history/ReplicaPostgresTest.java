package dev.copbot.core.history;

import dev.copbot.core.testing.StoreKind;

class ReplicaPostgresTest extends ReplicaScenarios {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
