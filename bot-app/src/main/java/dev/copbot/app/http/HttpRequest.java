package dev.copbot.app.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the bot's HTTP server received it; header names are lower case. {@code remote}: the peer's address
 * (a proxy's, behind one), for limits per client.
 */
public record HttpRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                          String remote) {

    public HttpRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        this(method, path, query, headers, body, "");
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
