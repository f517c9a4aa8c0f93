package dev.copbot.app.launch;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.Settings;
import dev.copbot.app.http.BotHttpServer;
import dev.copbot.app.http.HttpRequest;
import dev.copbot.app.http.HttpResponse;
import dev.copbot.core.store.Receipts;
import dev.copbot.slack.SlackAdapter;
import dev.copbot.slack.http.WebRequest;
import dev.copbot.slack.http.WebResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Slack: Socket Mode with SLACK_APP_TOKEN, else HTTP mode on {@code /slack/events} of the shared HTTP server, with
 * requests verified by SLACK_SIGNING_SECRET. SLACK_API_URL points the Web API elsewhere (a fake, staging).
 */
public final class SlackLauncher implements Launcher {
    private SlackAdapter adapter;

    @Override
    public boolean wanted(Map<String, String> env) {
        return present(env, "SLACK_BOT_TOKEN");
    }

    @Override
    public String name() {
        return "Slack";
    }

    @Override
    public void routes(BotRuntime runtime, Settings settings, Map<String, String> env, BotHttpServer http) {
        adapter = SlackAdapter.create(runtime.bot(), new Receipts(runtime.database()),
                SlackAdapter.Settings.fromEnvironment(env), Clock.systemUTC());
        if (!present(env, "SLACK_APP_TOKEN")) {
            SlackAdapter mounted = adapter;
            http.route(SlackAdapter.EVENTS_PATH, Set.of("POST"), request -> serve(mounted, request));
        }
    }

    @Override
    public AutoCloseable start(BotRuntime runtime, Settings settings, Map<String, String> env) throws Exception {
        if (adapter == null) {
            routes(runtime, settings, env, new BotHttpServer());
        }
        return adapter.start();
    }

    /** Our HTTP request in, Bolt's transport-neutral request handling, our HTTP response out. */
    private static HttpResponse serve(SlackAdapter adapter, HttpRequest request) {
        if (!"POST".equals(request.method())) {
            return HttpResponse.text(405, "Slack posts to this address");
        }
        WebResponse r = adapter.serve(new WebRequest(request.path(), request.query(),
                request.headers(), request.bodyText(), request.header("x-forwarded-for").orElse(null)));
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> {
            if (!v.isEmpty() && !k.equalsIgnoreCase("content-type")) {
                headers.put(k, String.join(", ", v));
            }
        });
        return new HttpResponse(r.status(), r.contentType(), headers, r.body().getBytes(StandardCharsets.UTF_8));
    }

    static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

}
