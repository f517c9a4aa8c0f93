package dev.copbot.app.loadtest;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import dev.copbot.app.http.BotHttpServer;
import dev.copbot.app.launch.SlackLauncher;
import dev.copbot.app.metrics.AppMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * A whole bot as {@code copbot run} wires it in Slack's HTTP mode (store, index, Bolt, the HTTP server with
 * {@code /slack/events} and {@code /metrics}) on a loopback port, with Slack's Web API played by {@link FakeSlackWeb}.
 * For the HTTP fuzz and load runs and their tests.
 */
public final class LocalSlackBot implements AutoCloseable {
    public static final String SECRET = "local-signing-secret-5b1f0c7e";

    private final FakeSlackWeb slack;
    private final BotRuntime runtime;
    private final AppMetrics metrics;
    private final BotHttpServer http;
    private final AutoCloseable connection;

    private LocalSlackBot(FakeSlackWeb slack, BotRuntime runtime, AppMetrics metrics, BotHttpServer http,
                          AutoCloseable connection) {
        this.slack = slack;
        this.runtime = runtime;
        this.metrics = metrics;
        this.http = http;
        this.connection = connection;
    }

    public static LocalSlackBot start(Path dataDir, Optional<String> metricsToken) throws Exception {
        FakeSlackWeb slack = new FakeSlackWeb();
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-1111111111-2222222222-localbenchtoken",
                "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl());
        Settings settings = new ConfigLoader(Map.of()).load(Optional.empty(), Optional.of(dataDir));
        BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC());
        AppMetrics metrics = AppMetrics.start(runtime, Clock.systemUTC());
        BotHttpServer http = new BotHttpServer();
        SlackLauncher slackLauncher = new SlackLauncher();
        slackLauncher.routes(runtime, settings, env, http);
        metrics.route(http, metricsToken);
        http.start("127.0.0.1", 0);
        AutoCloseable connection = slackLauncher.start(runtime, settings, env);
        return new LocalSlackBot(slack, runtime, metrics, http, connection);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.port();
    }

    public String eventsUrl() {
        return baseUrl() + "/slack/events";
    }

    public FakeSlackWeb slack() {
        return slack;
    }

    public BotRuntime runtime() {
        return runtime;
    }

    public AppMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() throws Exception {
        try {
            connection.close();
        } finally {
            http.close();
            metrics.close();
            runtime.close();
            slack.close();
        }
    }
}
