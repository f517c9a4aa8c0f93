package dev.copbot.core.history;

import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.testing.StoreKind;
import dev.copbot.opensearch.OpenSearchIndex;
import dev.copbot.opensearch.OpenSearchNode;

/**
 * The two-replica scenarios of bot-core on PostgreSQL with both replicas on one OpenSearch index, as a large
 * install runs: each follows the change log and writes every change (the node keeps the newest by version), so a
 * message, an edit, a deletion, an import and a membership change made through one are found through the other
 * within 2 s.
 */
class ReplicaOpenSearchTest extends ReplicaScenarios {
    private OpenSearchIndex first;

    @Override
    StoreKind kind() {
        return StoreKind.POSTGRES;
    }

    @Override
    SearchBackend index(String name) {
        if (first == null) {
            first = OpenSearchNode.newIndex("replicas");
            return first;
        }
        // The second replica: its own connection to the same index.
        return OpenSearchIndex.connect(OpenSearchNode.url(), null, null, first.indexName(), Ranking.defaults());
    }
}
