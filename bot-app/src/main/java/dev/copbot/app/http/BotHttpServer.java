package dev.copbot.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one HTTP server (the JDK's, on virtual threads): Slack's HTTP mode mounts {@code /slack/events}, the
 * calendar feeds {@code /calendar/}. Routes match by path prefix, longest first. A handler that throws answers 500
 * with a reference, never a stack trace; bodies over 1 MiB are refused with 413.
 */
public final class BotHttpServer implements AutoCloseable {
    public static final int MAX_BODY = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(BotHttpServer.class);

    @FunctionalInterface
    public interface Handler {
        HttpResponse handle(HttpRequest request) throws Exception;
    }

    private final Map<String, Handler> routes = new LinkedHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    public BotHttpServer route(String prefix, Handler handler) {
        if (server != null) {
            throw new IllegalStateException("add routes before start()");
        }
        routes.put(prefix, handler);
        return this;
    }

    public BotHttpServer start(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        routes.putIfAbsent("/healthz", r -> HttpResponse.text(200, "ok"));
        server.start();
        log.info("HTTP server listening on {}:{} ({})", host, port(), String.join(", ", routes.keySet()));
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        HttpResponse response;
        try {
            String path = exchange.getRequestURI().getPath();
            Handler handler = routes.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue).orElse(null);
            byte[] body = readBody(exchange.getRequestBody());
            if (handler == null) {
                response = HttpResponse.text(404, "not found");
            } else if (body == null) {
                response = HttpResponse.text(413, "request body over " + MAX_BODY + " bytes");
            } else {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
                response = handler.handle(new HttpRequest(exchange.getRequestMethod(), path,
                        exchange.getRequestURI().getRawQuery(), headers, body));
            }
        } catch (Exception e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("HTTP {} {} failed (reference {})", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    reference, e);
            response = HttpResponse.text(500, "internal error (reference " + reference + ")");
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean empty = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    /** The body, or null when it is larger than {@link #MAX_BODY}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(1);
            executor.close();
        }
    }
}
