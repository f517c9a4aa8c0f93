package dev.copbot.slack.testing;

import dev.copbot.slack.SlackPayloads;
import com.sun.net.httpserver.HttpServer;
import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.Receipts;
import dev.copbot.core.testing.TestDatabases;
import dev.copbot.slack.SlackAdapter;
import dev.copbot.slack.http.WebRequest;
import dev.copbot.slack.http.WebResponse;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * A real CopBot on an SQLite file, the real Slack adapter (Bolt) behind a real HTTP server on a free port, and the
 * Web API played by {@link FakeSlackApi}. Tests talk to it over HTTP exactly as Slack does.
 */
public final class SlackHarness implements AutoCloseable {
    public static final String SECRET = "test-signing-secret-0123456789";

    public record Answer(int status, String body, Duration took) {}

    public final FakeSlackApi slack;
    public final Database db;
    public final CopBot bot;
    public final SlackAdapter adapter;
    private final Clock clock;
    private final HttpServer http;
    private final HttpClient client = HttpClient.newHttpClient();

    public SlackHarness(Path dir, Clock clock) throws Exception {
        this(dir, clock, SECRET, new FakeSlackApi());
    }

    public SlackHarness(Path dir, Clock clock, String secret, FakeSlackApi slack) throws Exception {
        this.slack = slack;
        this.clock = clock;
        this.db = TestDatabases.sqlite(dir);
        this.bot = new CopBot(db, BotSettings.defaults(), clock, new ChatPorts());
        this.adapter = SlackAdapter.create(bot, new Receipts(db), new SlackAdapter.Settings("xoxb-1111111111-2222222222-copbottesttoken",
                Optional.of(secret), Optional.empty(), Optional.of(slack.apiUrl()), null), clock).start();
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext(SlackAdapter.EVENTS_PATH, exchange -> {
            Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            WebResponse r = adapter.serve(new WebRequest(exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body, "127.0.0.1"));
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", r.contentType());
            exchange.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        http.start();
    }

    /** Posts as Slack would, signed with the harness secret at the clock's time. */
    public Answer signed(String contentType, String body, String... extraHeaders) throws Exception {
        long ts = clock.instant().getEpochSecond();
        String[] headers = new String[extraHeaders.length + 4];
        headers[0] = "X-Slack-Request-Timestamp";
        headers[1] = Long.toString(ts);
        headers[2] = "X-Slack-Signature";
        headers[3] = SlackPayloads.signature(SECRET, ts, body);
        System.arraycopy(extraHeaders, 0, headers, 4, extraHeaders.length);
        return post(contentType, body, headers);
    }

    public Answer post(String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.getAddress().getPort()
                + SlackAdapter.EVENTS_PATH)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        long start = System.nanoTime();
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), Duration.ofNanos(System.nanoTime() - start));
    }

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    @Override
    public void close() throws Exception {
        http.stop(0);
        adapter.close();
        db.close();
        slack.close();
    }
}
