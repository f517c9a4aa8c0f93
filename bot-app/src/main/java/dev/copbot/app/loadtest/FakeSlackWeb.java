package dev.copbot.app.loadtest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Slack's Web API and response URLs played on loopback, for the HTTP fuzz and load runs: plausible successes for
 * what the bot calls (workspace T1, bot UBOT), {@code ok} for response URLs ({@code /respond/…}); calls are counted.
 */
public final class FakeSlackWeb implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    public FakeSlackWeb() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                String method = path.startsWith("/api/") ? path.substring(5) : "response_url";
                calls.computeIfAbsent(method, k -> new LongAdder()).increment();
                byte[] body = answer(method).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    private static String answer(String method) {
        return switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"copbot\","
                    + "\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
            case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"U1\",\"team_id\":\"T1\",\"name\":\"alice\","
                    + "\"real_name\":\"Alice Doe\",\"tz\":\"Europe/Berlin\",\"is_admin\":true,\"is_owner\":false,"
                    + "\"profile\":{\"display_name\":\"alice\",\"real_name\":\"Alice Doe\"}}}";
            case "chat.postMessage", "chat.update" -> "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000000.000200\"}";
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D1\"}}";
            case "conversations.info" -> "{\"ok\":true,\"channel\":{\"id\":\"C1\",\"name\":\"general\",\"is_private\":false}}";
            case "chat.getPermalink" -> "{\"ok\":true,\"channel\":\"C1\","
                    + "\"permalink\":\"https://acme.slack.com/archives/C1/p1700000000000100\"}";
            case "views.open", "views.publish" -> "{\"ok\":true,\"view\":{\"id\":\"V1\"}}";
            case "response_url" -> "{\"ok\":true}";
            default -> "{\"ok\":true}";
        };
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + id;
    }

    public long calls(String method) {
        LongAdder n = calls.get(method);
        return n == null ? 0 : n.sum();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
