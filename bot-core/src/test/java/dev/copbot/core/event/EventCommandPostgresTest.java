package dev.copbot.core.event;

import dev.copbot.core.testing.StoreKind;

/** The same scenarios on PostgreSQL, in a schema of their own. */
class EventCommandPostgresTest extends EventCommandScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
