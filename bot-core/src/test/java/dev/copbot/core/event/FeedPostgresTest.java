package dev.copbot.core.event;

import dev.copbot.core.testing.StoreKind;

class FeedPostgresTest extends FeedScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }
}
