package dev.copbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copbot.opensearch.OpenSearchNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with {@code COPBOT_SEARCH_BACKEND=opensearch}, as an operator sets it: an import indexes into the
 * OpenSearch index (none in the data directory), the console searches it and finds what the embedded backend finds
 * for the same export, and a node that cannot be reached is a one-line error, not a stack trace.
 */
class OpenSearchJarIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<JsonNode> json() throws Exception {
            List<JsonNode> out = new ArrayList<>();
            for (String line : out().split("\n")) {
                if (line.startsWith("{")) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        }
    }

    Run copbot(Map<String, String> env, String stdin, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", System.getProperty("copbot.jar", "target/copbot.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("COPBOT_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("copbot finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void importAndSearchThroughOpenSearchFindWhatTheEmbeddedIndexFinds() throws Exception {
        Map<String, String> openSearch = new HashMap<>(Map.of("COPBOT_SEARCH_BACKEND", "opensearch",
                "COPBOT_OPENSEARCH_URL", OpenSearchNode.url().toString(),
                "COPBOT_OPENSEARCH_INDEX", "copbot-jar-it-" + ProcessHandle.current().pid()));
        assertThat(copbot(Map.of(), "", "bench", "slack-export", "--messages", "3000", "--out", "export").exit()).isZero();

        Run viaOpenSearch = copbot(openSearch, "", "import", "slack-export", "export", "--data", "os", "--json");
        assertThat(viaOpenSearch.exit()).as(viaOpenSearch.err()).isZero();
        Run embedded = copbot(Map.of(), "", "import", "slack-export", "export", "--data", "lucene", "--json");
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
        Run r = copbot(Map.of("COPBOT_SEARCH_BACKEND", "opensearch", "COPBOT_OPENSEARCH_URL", "http://127.0.0.1:9"),
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
