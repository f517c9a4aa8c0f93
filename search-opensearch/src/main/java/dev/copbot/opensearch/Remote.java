package dev.copbot.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copbot.core.command.Unavailable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * Requests to the node through opensearch-java's transport (connection pool, auth, timeouts) and generic client:
 * bodies are written as JSON by the callers, since the queries are translations of the core's own. A node that
 * cannot be reached, or answers 5xx, is {@link Unavailable}; any other refusal is a bug of ours and says what the
 * node said.
 */
final class Remote implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient client;

    Remote(URI url, String user, String password) {
        HttpHost host = new HttpHost(url.getScheme() == null ? "http" : url.getScheme(), url.getHost(),
                url.getPort() < 0 ? 9200 : url.getPort());
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper())
                // A cut network must not hang a search (or the follower) until TCP gives up.
                .setRequestConfigCallback(r -> r.setConnectionRequestTimeout(Timeout.ofSeconds(5))
                        .setResponseTimeout(Timeout.ofSeconds(30)));
        if (user != null && !user.isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(user,
                    password == null ? new char[0] : password.toCharArray()));
            builder.setHttpClientConfigCallback(c -> c.setDefaultCredentialsProvider(credentials));
        }
        if (url.getPath() != null && !url.getPath().isBlank() && !url.getPath().equals("/")) {
            builder.setPathPrefix(url.getPath());
        }
        this.transport = builder.build();
        this.client = new OpenSearchGenericClient(transport);
    }

    /** The answer's JSON; 404 gives null (a missing index or document). */
    JsonNode call(String method, String path, Object body) {
        return call(method, path, body, Map.of());
    }

    JsonNode call(String method, String path, Object body, Map<String, String> query) {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(path).query(query);
        try {
            if (body instanceof byte[] ndjson) {
                request.body(Body.from(ndjson, "application/x-ndjson"));
            } else if (body != null) {
                request.json(JSON.writeValueAsString(body));
            }
            try (Response response = client.execute(request.build())) {
                return answer(method, path, response.getStatus(),
                        response.getBody().map(Body::bodyAsString).orElse(""));
            }
        } catch (ResponseException e) {
            // The transport throws for most 4xx and 5xx instead of returning them.
            return answer(method, path, e.status(), e.getMessage());
        } catch (IOException e) {
            throw Unavailable.search(e);
        }
    }

    private static JsonNode answer(String method, String path, int status, String text) {
        if (status == 404) {
            return null;
        }
        if (status >= 500 || status == 429) {
            throw Unavailable.search(new IOException("OpenSearch answered " + status + " to " + method + " " + path
                    + ": " + abbreviate(text)));
        }
        if (status >= 400) {
            throw new Refused(status, "OpenSearch refused " + method + " " + path + " (" + status + "): "
                    + abbreviate(text));
        }
        try {
            return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("OpenSearch's answer to " + method + " " + path + " is not JSON: "
                    + abbreviate(text), e);
        }
    }

    /** A 4xx answer other than 404: what the node said, and its status for callers that expect one (409). */
    static final class Refused extends IllegalStateException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static byte[] ndjson(CharSequence lines) {
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
    }
}
