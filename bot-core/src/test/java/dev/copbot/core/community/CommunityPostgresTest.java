package dev.copbot.core.community;

import dev.copbot.core.testing.StoreKind;

/** The same scenarios on PostgreSQL, in a schema of their own. */
class CommunityPostgresTest extends CommunityScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
