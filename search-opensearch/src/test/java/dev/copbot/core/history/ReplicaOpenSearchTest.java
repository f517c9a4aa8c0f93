package dev.copbot.core.history;

import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.testing.StoreKind;
import dev.copbot.opensearch.OpenSearchIndex;
import dev.copbot.opensearch.OpenSearchNode;
import java.util.function.Supplier;

/**
 * The two-replica scenarios of bot-core on PostgreSQL with both replicas on one OpenSearch index, as a large
 * install runs: each follows the change log and writes every change (the node keeps the newest by version), so a
 * message, an edit, a deletion, an import and a membership change made through one are found through the other
 * within 2 s.
 */
class ReplicaOpenSearchTest extends ReplicaScenarios {
    private final Supplier<OpenSearchIndex> shared = OpenSearchNode.shared("replicas");

    @Override
    StoreKind kind() {
        return StoreKind.POSTGRES;
    }

    @Override
    SearchBackend index(String name) {
        return shared.get();
    }
}
