package dev.copbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A local Discord for tests: one MockWebServer serving the REST routes the bot calls under {@code /api/v10/} and, on
 * {@code /gateway}, a WebSocket speaking the gateway protocol ({@link FakeGateway}). Every REST call is recorded;
 * scripted responses ({@link #script}) win over the defaults, e.g. a 429 with {@code retry_after}.
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String GUILD = "100000000000000001";
    public static final String APP = "200000000000000002";
    public static final String GENERAL = "400000000000000001";
    public static final String SECRET = "400000000000000002";
    public static final String FORUM = "400000000000000003";
    public static final String ALICE = "300000000000000001";
    public static final String BOB = "300000000000000002";
    /** Owns the guild, so Discord (and the bot) treat them as an administrator. */
    public static final String OWNER = "300000000000000009";
    /** The permission bits @everyone has: View Channel, Send Messages, Read Message History, Use Application Commands. */
    public static final long EVERYONE_PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 16) | (1L << 31);

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One REST call as the bot made it: method, path (without {@code /api/v10}), query, JSON body (of a multipart
     * call, its {@code payload_json}) and the parts of a multipart call (the files).
     */
    public record Call(String method, String path, String query, JsonNode body, Headers headers,
                       List<Multipart.Part> parts) {
        public boolean is(String method, String pathPrefix) {
            return this.method.equals(method) && path.startsWith(pathPrefix);
        }

        /** The uploaded files, in order. */
        public List<Multipart.Part> files() {
            return parts.stream().filter(p -> p.fileName().isPresent()).toList();
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private record Scripted(String method, String pathPrefix, MockResponse response) {}

    private final MockWebServer server = new MockWebServer();
    private final FakeGateway gateway = new FakeGateway(this);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Call> callQueue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final Map<String, ArrayNode> histories = new ConcurrentHashMap<>();
    private long nextId = 900000000000000000L;

    public FakeDiscord() throws IOException {
        server.setProtocols(List.of(okhttp3.Protocol.HTTP_1_1));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakeDiscord.this.dispatch(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public String apiUrl() {
        return server.url("/api/v10/").toString();
    }

    public String gatewayUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/gateway";
    }

    public FakeGateway gateway() {
        return gateway;
    }

    /** The next REST call matching, waiting up to 10 s. */
    public Call await(String method, String pathPrefix) throws InterruptedException {
        return await(c -> c.is(method, pathPrefix), method + " " + pathPrefix);
    }

    public Call await(Predicate<Call> matching, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Call c = callQueue.poll(100, TimeUnit.MILLISECONDS);
            if (c != null && matching.test(c)) {
                return c;
            }
        }
        throw new AssertionError("no REST call " + what + " within 10 s; calls so far: " + calls);
    }

    /** Everything the bot called, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Answers the next matching call with this response instead of the default. */
    public void script(String method, String pathPrefix, MockResponse response) {
        scripted.add(new Scripted(method, pathPrefix, response));
    }

    /** Messages {@code GET channels/<id>/messages} returns (newest first, as Discord does). */
    public void history(String channel, ArrayNode newestFirst) {
        histories.put(channel, newestFirst);
    }

    public synchronized String newId() {
        return Long.toString(++nextId);
    }

    private MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/gateway")) {
            return new MockResponse.Builder().webSocketUpgrade(gateway.newSession()).build();
        }
        String route = path.startsWith("/api/v10/") ? path.substring("/api/v10/".length()) : path;
        List<Multipart.Part> parts = Multipart.parts(request.getHeaders().get("Content-Type"), request.getBody());
        String json = parts.stream().filter(p -> p.name().equals("payload_json")).findFirst()
                .map(p -> new String(p.bytes(), StandardCharsets.UTF_8))
                .orElse(request.getBody() == null ? "" : request.getBody().utf8());
        JsonNode body = null;
        try {
            if (!json.isEmpty()) {
                body = JSON.readTree(json);
            }
        } catch (IOException e) {
            body = JSON.getNodeFactory().textNode(json);
        }
        Call call = new Call(request.getMethod(), route, request.getUrl().encodedQuery(), body, request.getHeaders(),
                parts);
        calls.add(call);
        callQueue.add(call);
        for (Scripted s : scripted) {
            if (call.is(s.method(), s.pathPrefix()) && scripted.remove(s)) {
                return s.response();
            }
        }
        return defaultResponse(call);
    }

    private MockResponse defaultResponse(Call call) {
        String p = call.path();
        if (call.is("GET", "users/@me")) {
            return json(Payloads.user(APP, "copbot", true));
        }
        if (call.method().equals("GET") && p.startsWith("guilds/" + GUILD + "/members/")) {
            String user = p.substring(p.lastIndexOf('/') + 1);
            return json(Payloads.member(user, user.equals(ALICE) ? "alice" : user.equals(BOB) ? "bob" : "owner"));
        }
        if (call.is("GET", "gateway/bot")) {
            return json(JSON.createObjectNode().put("url", gatewayUrl()).put("shards", 1).set("session_start_limit",
                    JSON.createObjectNode().put("total", 1000).put("remaining", 999).put("reset_after", 0)
                            .put("max_concurrency", 1)));
        }
        if (call.method().equals("PUT") && p.startsWith("applications/") && p.endsWith("/commands")) {
            ArrayNode registered = JSON.createArrayNode();
            for (JsonNode command : call.body()) {
                registered.add(((ObjectNode) command.deepCopy()).put("id", newId()).put("application_id", APP)
                        .put("version", "1").put("type", 1));
            }
            return json(registered);
        }
        if (call.is("POST", "interactions/")) {
            return new MockResponse.Builder().code(204).build();
        }
        if (call.is("POST", "webhooks/" + APP)) {
            return json(Payloads.message(newId(), GENERAL, APP, "copbot", textOf(call.body()), true));
        }
        if (call.is("PATCH", "webhooks/" + APP)) {
            return json(Payloads.message(newId(), GENERAL, APP, "copbot", textOf(call.body()), true));
        }
        if (call.is("DELETE", "webhooks/")) {
            return new MockResponse.Builder().code(204).build();
        }
        if (call.method().equals("GET") && p.startsWith("channels/") && p.endsWith("/messages")) {
            String channel = p.split("/")[1];
            return json(Optional.ofNullable(histories.remove(channel)).orElse(JSON.createArrayNode()));
        }
        if (call.method().equals("POST") && p.startsWith("channels/") && p.endsWith("/messages")) {
            return json(Payloads.message(newId(), p.split("/")[1], APP, "copbot", textOf(call.body()), true));
        }
        return new MockResponse.Builder().code(404)
                .body("{\"message\":\"Unknown route in the fake\",\"code\":0}").addHeader("Content-Type", "application/json").build();
    }

    private static String textOf(JsonNode body) {
        return body == null || body.get("content") == null ? "" : body.get("content").asText();
    }

    public static MockResponse json(JsonNode node) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(node.toString()).build();
    }

    @Override
    public void close() throws IOException {
        gateway.closeAll();
        server.close();
    }
}
