package dev.copbot.slack.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Slack's Web API (and response URLs) played by a MockWebServer: every call is recorded with its decoded parameters,
 * and answered with what the test scripted for that method, else a plausible success. Workspace T1, bot UBOT.
 */
public final class FakeSlackApi extends Dispatcher implements AutoCloseable {
    public static final String TEAM = "T1";

    /**
     * One call: the API method (or the path of a response URL or file upload), its form parameters, its body (as text,
     * and as the bytes sent) and the moment it arrived.
     */
    public record Call(String method, Map<String, String> params, String body, byte[] bytes, Instant at) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        public String param(String name) {
            return params.get(name);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Supplier<MockResponse>>> scripted = new ConcurrentHashMap<>();

    public FakeSlackApi() throws Exception {
        server.setDispatcher(this);
        server.start();
    }

    public String apiUrl() {
        return server.url("/api/").toString();
    }

    public String url(String path) {
        return server.url(path).toString();
    }

    public int port() {
        return server.getPort();
    }

    /** The next call of {@code method} gets this answer (then the default again). */
    public FakeSlackApi script(String method, Supplier<MockResponse> answer) {
        scripted.computeIfAbsent(method, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    public FakeSlackApi scriptJson(String method, String json) {
        return script(method, () -> ok(json));
    }

    /**
     * Scripts one files.uploadV2 as Slack answers it: files.getUploadURLExternal hands out an upload URL on this server
     * ({@code /upload/<fileId>}), the upload is accepted, and files.completeUploadExternal names the file.
     */
    public FakeSlackApi scriptUpload(String fileId) {
        scriptJson("files.getUploadURLExternal", "{\"ok\":true,\"upload_url\":\"" + url("/upload/" + fileId)
                + "\",\"file_id\":\"" + fileId + "\"}");
        script("/upload/" + fileId, () -> new MockResponse.Builder().code(200).body("OK - uploaded").build());
        return scriptJson("files.completeUploadExternal", "{\"ok\":true,\"files\":[{\"id\":\"" + fileId
                + "\",\"title\":\"chart\"}]}");
    }

    public static MockResponse ok(String json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Everything but the token checks Bolt makes on its own (auth.test). */
    public List<Call> callsBesidesAuth() {
        return calls.stream().filter(c -> !c.method().equals("auth.test")).toList();
    }

    /** Waits until {@code method} was called {@code count} times; returns those calls. */
    public List<Call> await(String method, int count, long seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            List<Call> found = calls(method);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + count + " call(s) of " + method + " within " + seconds + " s, got "
                + calls(method).size() + "; all calls: " + calls.stream().map(Call::method).toList());
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = path.startsWith("/api/") ? path.substring("/api/".length()) : path;
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        String type = String.valueOf(request.getHeaders().get("Content-Type"));
        calls.add(new Call(method, type.startsWith(SlackHarness.FORM) ? params(body) : Map.of(), body, bytes,
                Instant.now()));
        Deque<Supplier<MockResponse>> queue = scripted.get(method);
        Supplier<MockResponse> next = queue == null ? null : queue.poll();
        return next != null ? next.get() : defaultAnswer(method);
    }

    private static MockResponse defaultAnswer(String method) {
        return switch (method) {
            case "auth.test" -> ok("{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"copbot\","
                    + "\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
            case "chat.postMessage" -> ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}");
            case "chat.postEphemeral" -> ok("{\"ok\":true,\"message_ts\":\"1700000000.000200\"}");
            case "chat.update" -> ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}");
            case "conversations.open" -> ok("{\"ok\":true,\"channel\":{\"id\":\"D1\"}}");
            case "chat.getPermalink" -> ok("{\"ok\":true,\"channel\":\"C1\","
                    + "\"permalink\":\"https://acme.slack.com/archives/C1/p1700000000000100\"}");
            case "users.info" -> ok("{\"ok\":true,\"user\":{\"id\":\"U1\",\"team_id\":\"T1\",\"name\":\"alice\","
                    + "\"real_name\":\"Alice Doe\",\"tz\":\"Europe/Berlin\",\"is_admin\":false,\"is_owner\":false,"
                    + "\"profile\":{\"display_name\":\"alice\",\"real_name\":\"Alice Doe\"}}}");
            case "files.delete" -> ok("{\"ok\":true}");
            case "views.open", "views.publish" -> ok("{\"ok\":true,\"view\":{\"id\":\"V1\"}}");
            default -> method.startsWith("/commands/") || method.startsWith("/actions/")
                    ? new MockResponse.Builder().code(200).body("ok").build()
                    : ok("{\"ok\":false,\"error\":\"unknown_method\"}");
        };
    }

    private static Map<String, String> params(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    public MockWebServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
