package dev.copbot.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a user would run instead of the bot's search (issue 21): an OpenSearch node holding the benchmark's threads
 * (one shard, english analyzer, title and text as the bot's threads have them) and answering a multi_match over
 * both. Each query is timed as one HTTP round trip, response parsed, as a client of OpenSearch pays it.
 */
final class OpenSearchPeer {
    static final String INDEX = "copbot-bench";
    private static final int BULK_DOCS = 5_000;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final StringBuilder bulk = new StringBuilder();
    private int pending;

    OpenSearchPeer(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    /** Drops any earlier benchmark index and creates an empty one; fails if the english analyzer is missing. */
    void createIndex() {
        send("DELETE", INDEX, null, true);
        ObjectNode body = json.createObjectNode();
        body.putObject("settings").putObject("index").put("number_of_shards", 1).put("number_of_replicas", 0)
                .put("refresh_interval", "-1");
        ObjectNode props = body.putObject("mappings").putObject("properties");
        props.putObject("title").put("type", "text").put("analyzer", "english");
        props.putObject("text").put("type", "text").put("analyzer", "english");
        // Checked: an index created without looking at the answer falls back to the standard analyzer silently.
        send("PUT", INDEX, body.toString(), false);
    }

    /** Queues one thread; sent in bulk requests of {@link #BULK_DOCS}. */
    void add(String key, String title, String text) {
        ObjectNode action = json.createObjectNode();
        action.putObject("index").put("_id", key);
        ObjectNode doc = json.createObjectNode().put("title", title).put("text", text);
        bulk.append(action).append('\n').append(doc).append('\n');
        if (++pending == BULK_DOCS) {
            flushBulk();
        }
    }

    /** Sends what is queued, then makes it searchable. */
    void finishIndexing() {
        flushBulk();
        send("PUT", INDEX + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}", false);
        send("POST", INDEX + "/_refresh", null, false);
    }

    long count() {
        return read(send("GET", INDEX + "/_count", null, false)).path("count").asLong();
    }

    int segments() {
        JsonNode shards = read(send("GET", INDEX + "/_segments", null, false)).path("indices").path(INDEX).path("shards");
        int n = 0;
        for (JsonNode copies : shards) {
            for (JsonNode copy : copies) {
                n += copy.path("segments").size();
            }
        }
        return n;
    }

    /**
     * The best {@code size} threads for {@code query}: multi_match over title and text, sources returned. Answers
     * the node's own time for it ({@code took}, whole milliseconds), which leaves out HTTP and the client.
     */
    long search(String query, int size) {
        ObjectNode body = json.createObjectNode().put("size", size);
        body.putObject("query").putObject("multi_match").put("query", query).putArray("fields").add("title").add("text");
        JsonNode answer = read(send("POST", INDEX + "/_search", body.toString(), false));
        if (!answer.path("hits").path("hits").isArray()) {
            throw new IllegalStateException("OpenSearch answered without hits: " + answer);
        }
        return answer.path("took").asLong();
    }

    private void flushBulk() {
        if (pending == 0) {
            return;
        }
        JsonNode answer = read(send("POST", INDEX + "/_bulk", bulk.toString(), false));
        if (answer.path("errors").asBoolean()) {
            throw new IllegalStateException("OpenSearch refused part of a bulk request: "
                    + answer.path("items").path(0).toString());
        }
        bulk.setLength(0);
        pending = 0;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(String method, String path, String body, boolean missingIsFine) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", path.endsWith("_bulk") ? "application/x-ndjson" : "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !(missingIsFine && response.statusCode() == 404)) {
                throw new IllegalStateException("OpenSearch answered " + response.statusCode() + " to " + method + " "
                        + path + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach OpenSearch at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
