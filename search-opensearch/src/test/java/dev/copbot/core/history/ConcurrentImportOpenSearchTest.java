package dev.copbot.core.history;

import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.testing.StoreKind;
import dev.copbot.opensearch.OpenSearchIndex;
import dev.copbot.opensearch.OpenSearchNode;

/**
 * The same Slack export imported through two replicas at once, on PostgreSQL, with every replica writing to one
 * OpenSearch index: everything stored once, and each thread indexed once with all its replies.
 */
class ConcurrentImportOpenSearchTest extends ConcurrentImportScenarios {
    private String shared;

    @Override
    StoreKind kind() {
        return StoreKind.POSTGRES;
    }

    @Override
    SearchBackend index(String name) {
        if (shared == null) {
            OpenSearchIndex first = OpenSearchNode.newIndex("imports");
            shared = first.indexName();
            return first;
        }
        return OpenSearchIndex.connect(OpenSearchNode.url(), null, null, shared, Ranking.defaults());
    }
}
