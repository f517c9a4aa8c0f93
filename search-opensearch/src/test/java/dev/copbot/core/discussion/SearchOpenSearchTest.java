package dev.copbot.core.discussion;

import dev.copbot.core.testing.StoreKind;
import dev.copbot.opensearch.OpenSearchNode;

/** /cop search's scenarios (the embedded backend runs the same ones in bot-core) on a real OpenSearch node. */
class SearchOpenSearchTest extends SearchScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }

    @Override
    protected SearchBackend backend() {
        return OpenSearchNode.newIndex("scenarios");
    }
}
