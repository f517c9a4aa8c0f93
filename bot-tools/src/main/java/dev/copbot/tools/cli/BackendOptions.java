package dev.copbot.tools.cli;

import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.opensearch.OpenSearchIndex;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which search backend an evaluation or benchmark runs on: the one the bot is configured with
 * ({@code COPBOT_SEARCH_BACKEND}, {@code COPBOT_OPENSEARCH_URL}, credentials from {@code COPBOT_OPENSEARCH_USER} and
 * {@code COPBOT_OPENSEARCH_PASSWORD}), unless the options say otherwise. On OpenSearch each run gets a scratch index
 * of its own, dropped at the end.
 */
public final class BackendOptions {
    @Option(names = "--backend", paramLabel = "lucene|opensearch",
            description = "search backend (default: COPBOT_SEARCH_BACKEND, else lucene)")
    String backend;
    @Option(names = "--opensearch-url", paramLabel = "URL",
            description = "OpenSearch for --backend opensearch (default: COPBOT_OPENSEARCH_URL, else http://127.0.0.1:9200)")
    String url;

    public boolean openSearch() {
        String b = Optional.ofNullable(backend).or(() -> env("COPBOT_SEARCH_BACKEND")).orElse("lucene")
                .toLowerCase(Locale.ROOT);
        return switch (b) {
            case "lucene" -> false;
            case "opensearch" -> true;
            default -> throw new IllegalArgumentException("--backend is lucene or opensearch, not '" + b + "'");
        };
    }

    public URI url() {
        return URI.create(Optional.ofNullable(url).or(() -> env("COPBOT_OPENSEARCH_URL")).orElse("http://127.0.0.1:9200"));
    }

    /** The name of this process's scratch index for {@code purpose}. */
    public static String scratchName(String purpose) {
        return "copbot-" + purpose + "-" + ProcessHandle.current().pid();
    }

    /** {@code index} on the configured OpenSearch, with the credentials of the environment; created when missing. */
    public OpenSearchIndex connect(String index, Ranking ranking) {
        Map<String, String> credentials = credentials();
        return OpenSearchIndex.connect(url(), credentials.get(USER), credentials.get(PASSWORD), index, ranking);
    }

    private static final String USER = "COPBOT_OPENSEARCH_USER", PASSWORD = "COPBOT_OPENSEARCH_PASSWORD";

    /** The OpenSearch credentials set in the environment, by variable name: for a bot a benchmark starts itself. */
    public static Map<String, String> credentials() {
        Map<String, String> out = new HashMap<>();
        env(USER).ifPresent(u -> out.put(USER, u));
        env(PASSWORD).ifPresent(p -> out.put(PASSWORD, p));
        return out;
    }

    /** An empty backend for an in-memory run: the embedded index, or a scratch OpenSearch index. */
    public SearchBackend scratch(String purpose, Ranking ranking) {
        return openSearch() ? connect(scratchName(purpose), ranking) : SearchIndex.inMemory(ranking);
    }

    /** Drops a scratch OpenSearch index (an embedded one just closes). */
    public static void dispose(SearchBackend backend) {
        if (backend instanceof OpenSearchIndex os) {
            os.drop();
        }
        backend.close();
    }

    public String describe() {
        return openSearch() ? "opensearch at " + url() : "lucene (embedded)";
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
