package dev.copbot.core.history;

import dev.copbot.core.testing.StoreKind;

class ReplicaSqliteTest extends ReplicaScenarios {
    @Override
    StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
