package dev.copbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.opensearch.OpenSearchNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with {@code COPBOT_SEARCH_BACKEND=opensearch}, as an operator sets it: an import indexes into the
 * OpenSearch index (none in the data directory), the console searches it and finds what the embedded backend finds
 * for the same export, and a node that cannot be reached is a one-line error, not a stack trace.
 */
class OpenSearchJarIT {
    @TempDir
    Path dir;

    TheJar.Result copbot(Map<String, String> env, String stdin, String... args) throws Exception {
        return TheJar.run(dir, env, stdin, 180, args);
    }

    @Test
    void importAndSearchThroughOpenSearchFindWhatTheEmbeddedIndexFinds() throws Exception {
        Map<String, String> openSearch = new HashMap<>(Map.of("COPBOT_SEARCH_BACKEND", "opensearch",
                "COPBOT_OPENSEARCH_URL", OpenSearchNode.url().toString(),
                "COPBOT_OPENSEARCH_INDEX", "copbot-jar-it-" + ProcessHandle.current().pid()));
        assertThat(copbot(Map.of(), "", "bench", "slack-export", "--messages", "3000", "--out", "export").exit()).isZero();

        TheJar.Result viaOpenSearch = copbot(openSearch, "", "import", "slack-export", "export", "--data", "os", "--json");
        assertThat(viaOpenSearch.exit()).as(viaOpenSearch.err()).isZero();
        TheJar.Result embedded = copbot(Map.of(), "", "import", "slack-export", "export", "--data", "lucene", "--json");
        assertThat(embedded.exit()).as(embedded.err()).isZero();
        try (Stream<Path> files = Files.walk(dir.resolve("os"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no embedded index written")
                    .noneMatch(n -> n.startsWith("segments"));
        }

        String searches = "search kafka\nsearch NullPointerException k8s\nsearch snake_case\n";
        List<JsonNode> os = copbot(openSearch, searches, "console", "--json", "--as", "slack:T0BENCH:U1000", "--data", "os").json();
        List<JsonNode> lucene = copbot(Map.of(), searches, "console", "--json", "--as", "slack:T0BENCH:U1000", "--data", "lucene").json();
        assertThat(os).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(os.get(i).get("ok").asBoolean()).as(os.get(i).toString()).isTrue();
            assertThat(os.get(i).at("/results").size()).isPositive();
            assertThat(os.get(i).at("/total").asLong()).isEqualTo(lucene.get(i).at("/total").asLong());
            // The same five threads, the best first; scores a hair apart may swap below it (float sums in another order).
            assertThat(threads(os.get(i))).containsExactlyInAnyOrderElementsOf(threads(lucene.get(i)))
                    .first().isEqualTo(threads(lucene.get(i)).getFirst());
        }
        try (var index = dev.copbot.opensearch.OpenSearchIndex.connect(OpenSearchNode.url(), null, null,
                openSearch.get("COPBOT_OPENSEARCH_INDEX"), dev.copbot.core.discussion.Ranking.defaults())) {
            index.drop();
        }
    }

    @Test
    void anUnreachableNodeIsOneClearLine() throws Exception {
        TheJar.Result r = copbot(Map.of("COPBOT_SEARCH_BACKEND", "opensearch", "COPBOT_OPENSEARCH_URL", "http://127.0.0.1:9"),
                "search kafka\n", "console", "--data", "store");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("OpenSearch at http://127.0.0.1:9 cannot be reached", "COPBOT_SEARCH_BACKEND=lucene")
                .doesNotContain("\tat ", "Exception:");
    }

    static List<String> threads(JsonNode reply) {
        List<String> out = new ArrayList<>();
        reply.at("/results").forEach(r -> out.add(r.path("thread").asText()));
        return out;
    }
}
