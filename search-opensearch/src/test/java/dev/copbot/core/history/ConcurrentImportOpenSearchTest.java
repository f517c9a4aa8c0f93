package dev.copbot.core.history;

import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.testing.StoreKind;
import dev.copbot.opensearch.OpenSearchIndex;
import dev.copbot.opensearch.OpenSearchNode;
import java.util.function.Supplier;

/**
 * The same Slack export imported through two replicas at once, on PostgreSQL, with every replica writing to one
 * OpenSearch index: everything stored once, and each thread indexed once with all its replies.
 */
class ConcurrentImportOpenSearchTest extends ConcurrentImportScenarios {
    private final Supplier<OpenSearchIndex> shared = OpenSearchNode.shared("imports");

    @Override
    StoreKind kind() {
        return StoreKind.POSTGRES;
    }

    @Override
    SearchBackend index(String name) {
        return shared.get();
    }
}
