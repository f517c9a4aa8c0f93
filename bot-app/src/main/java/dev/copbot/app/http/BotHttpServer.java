package dev.copbot.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one HTTP server (the JDK's, on virtual threads): Slack's HTTP mode mounts {@code /slack/events}, the
 * calendar feeds {@code /calendar/}, Prometheus {@code /metrics}. Routes match by path prefix, longest first.
 *
 * <p>The edge, for whatever the internet sends: an unknown path is 404 and a method the route does not take 405
 * (with {@code Allow}), both before the body is read; a body over 1 MiB is 413 without being held: refused by its
 * {@code Content-Length} before reading, and cut off at 1 MiB when it streams without one. A handler that throws
 * answers 500 with a reference, never a stack trace. Every answer is counted ({@code copbot.http.requests} by route
 * prefix and status). Slow clients time out: a request must arrive whole within
 * {@value #REQUEST_SECONDS} s and its answer be taken within {@value #RESPONSE_SECONDS} s (the JDK server's
 * {@code sun.net.httpserver.maxReqTime}/{@code maxRspTime}, which a {@code -D} overrides), a connection that
 * sends nothing is closed as soon, and at most {@value #MAX_CONNECTIONS} are open at once.
 */
public final class BotHttpServer implements AutoCloseable {
    public static final int MAX_BODY = 1 << 20;
    static final long REQUEST_SECONDS = 20;
    static final long RESPONSE_SECONDS = 60;
    static final int MAX_CONNECTIONS = 1000;
    /** After a 413, this much more of the body is read and dropped so the client can take the answer; then we hang up. */
    static final long DISCARD_AFTER_413 = 8L << 20;
    private static final Logger log = LoggerFactory.getLogger(BotHttpServer.class);

    static {
        // Read once, when the JDK's server first loads its configuration: set before any HttpServer exists.
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_SECONDS));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(RESPONSE_SECONDS));
        System.getProperties().putIfAbsent("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
    }

    @FunctionalInterface
    public interface Handler {
        HttpResponse handle(HttpRequest request) throws Exception;
    }

    private record Route(Set<String> methods, Handler handler) {}

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    /** A route that takes every method (the handler checks). */
    public BotHttpServer route(String prefix, Handler handler) {
        return route(prefix, Set.of(), handler);
    }

    /** A route that takes only {@code methods}; others get 405 before the body is read. */
    public BotHttpServer route(String prefix, Set<String> methods, Handler handler) {
        if (server != null) {
            throw new IllegalStateException("add routes before start()");
        }
        routes.put(prefix, new Route(Set.copyOf(methods), handler));
        return this;
    }

    public BotHttpServer start(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        routes.putIfAbsent("/healthz", new Route(Set.of(), r -> HttpResponse.text(200, "ok")));
        server.start();
        log.info("HTTP server listening on {}:{} ({})", host, port(), String.join(", ", routes.keySet()));
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        HttpResponse response;
        boolean tooLarge = false;
        long declared = -1;
        String routeName = "none";
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map.Entry<String, Route> matched = routes.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .max(Comparator.comparingInt(e -> e.getKey().length())).orElse(null);
            Route route = matched == null ? null : matched.getValue();
            routeName = matched == null ? "none" : matched.getKey();
            declared = contentLength(exchange);
            if (route == null) {
                response = HttpResponse.text(404, "not found");
            } else if (!route.methods().isEmpty() && !route.methods().contains(method)) {
                response = new HttpResponse(405, "text/plain; charset=utf-8",
                        Map.of("Allow", String.join(", ", route.methods().stream().sorted().toList())),
                        ("use " + String.join(" or ", route.methods().stream().sorted().toList())).getBytes(
                                StandardCharsets.UTF_8));
            } else if (declared > MAX_BODY) {
                tooLarge = true;
                response = tooLarge();
            } else {
                byte[] body = readBody(exchange.getRequestBody());
                if (body == null) {
                    tooLarge = true;
                    response = tooLarge();
                } else {
                    Map<String, List<String>> headers = new LinkedHashMap<>();
                    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
                    response = route.handler().handle(new HttpRequest(method, path,
                            exchange.getRequestURI().getRawQuery(), headers, body,
                            exchange.getRemoteAddress().getAddress().getHostAddress()));
                }
            }
        } catch (IOException e) {
            // The client went away or was too slow (the server closed its connection): nobody to answer.
            log.warn("HTTP {} {}: reading the request failed: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), e.toString());
            exchange.close();
            return;
        } catch (Exception e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("HTTP {} {} failed (reference {})", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    reference, e);
            response = HttpResponse.text(500, "internal error (reference " + reference + ")");
        }
        Metrics.counter("copbot.http.requests", "route", routeName, "status", Integer.toString(response.status()))
                .increment();
        if (tooLarge || response.status() == 405) {
            log.warn("HTTP {} {} answered {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    response.status(), firstLine(response));
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            if (tooLarge) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            boolean empty = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            OutputStream out = exchange.getResponseBody();
            if (!empty) {
                out.write(response.body());
            }
            out.flush();
            if (tooLarge && declared <= MAX_BODY + DISCARD_AFTER_413) {
                // The answer is on its way; let the client finish sending (dropping it) so it reads the 413
                // instead of a reset. Larger bodies get the answer and a closed connection.
                discard(exchange.getRequestBody(), DISCARD_AFTER_413);
            }
            out.close();
        } catch (IOException e) {
            log.debug("HTTP answer not delivered: {}", e.toString());
        }
    }

    private static HttpResponse tooLarge() {
        return HttpResponse.text(413, "request body over " + MAX_BODY + " bytes");
    }

    private static String firstLine(HttpResponse response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** The declared Content-Length, or -1 when there is none (chunked) or it is unreadable (the JDK refuses those). */
    private static long contentLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body, or null when it is larger than {@link #MAX_BODY}: never more than that is held. */
    static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static void discard(InputStream in, long limit) {
        byte[] buffer = new byte[64 * 1024];
        long left = limit;
        try {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client stopped sending or the request timed out: we hang up either way
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(1);
            executor.close();
        }
    }
}
