package dev.copbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.socket_mode.SocketModeClient;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.store.Receipts;
import dev.copbot.slack.http.WebRequest;
import dev.copbot.slack.http.WebResponse;
import dev.copbot.slack.internal.ApiCallMeter;
import dev.copbot.slack.internal.BoltWiring;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/**
 * CoP Bot on Slack, on Bolt for Java. {@link #start()} connects: over Socket Mode when an app-level token is given
 * (no public URL needed), else it verifies the bot token and waits for Slack's signed HTTP requests, which the host's
 * HTTP server hands to {@link #serve} (Slack posts to {@link #EVENTS_PATH}). {@link #port()} is the core's way out.
 */
public final class SlackAdapter implements AutoCloseable {
    public static final String EVENTS_PATH = "/slack/events";

    /**
     * Tokens and endpoints. {@code apiUrl} replaces {@code https://slack.com/api/} (tests, staging). {@code commandBudget}
     * is how long a command may take before it is acknowledged and answered later through the response URL.
     */
    public record Settings(String botToken, Optional<String> signingSecret, Optional<String> appToken,
                           Optional<String> apiUrl, Duration commandBudget) {
        public Settings {
            if (botToken == null || botToken.isBlank()) {
                throw new IllegalArgumentException("SLACK_BOT_TOKEN is missing");
            }
            signingSecret = signingSecret == null ? Optional.empty() : signingSecret.filter(s -> !s.isBlank());
            appToken = appToken == null ? Optional.empty() : appToken.filter(s -> !s.isBlank());
            apiUrl = apiUrl == null ? Optional.empty() : apiUrl.filter(s -> !s.isBlank());
            commandBudget = commandBudget == null ? Duration.ofMillis(2000) : commandBudget;
            if (appToken.isEmpty() && signingSecret.isEmpty()) {
                throw new IllegalArgumentException("Slack HTTP mode needs SLACK_SIGNING_SECRET (Basic Information → "
                        + "Signing Secret); or set SLACK_APP_TOKEN (xapp-…) to use Socket Mode instead");
            }
        }

        /** From SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN and SLACK_API_URL. */
        public static Settings fromEnvironment(Map<String, String> env) {
            return new Settings(env.get("SLACK_BOT_TOKEN"), Optional.ofNullable(env.get("SLACK_SIGNING_SECRET")),
                    Optional.ofNullable(env.get("SLACK_APP_TOKEN")), Optional.ofNullable(env.get("SLACK_API_URL")), null);
        }

        public boolean socketMode() {
            return appToken.isPresent();
        }
    }

    private final Settings settings;
    private final BoltWiring wiring;
    private SocketModeApp socketMode;

    private SlackAdapter(Settings settings, BoltWiring wiring) {
        this.settings = settings;
        this.wiring = wiring;
    }

    public static SlackAdapter create(CopBot bot, Receipts receipts, Settings settings, Clock clock) {
        Objects.requireNonNull(bot, "bot");
        SlackConfig config = new SlackConfig();
        settings.apiUrl().ifPresent(url -> config.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/"));
        // One rate-limit executor per adapter: the SDK keys them by name, and a shared one would talk to the first
        // adapter's endpoint.
        MethodsConfig methods = new MethodsConfig();
        methods.setExecutorName("copbot-" + UUID.randomUUID());
        config.setMethodsConfig(methods);
        config.getHttpClientResponseHandlers().add(new ApiCallMeter());
        AppConfig app = new AppConfig();
        app.setSlack(Slack.getInstance(config));
        app.setSingleTeamBotToken(settings.botToken());
        settings.signingSecret().ifPresent(app::setSigningSecret);
        app.setAllEventsApiAutoAckEnabled(true);
        return new SlackAdapter(settings, BoltWiring.create(bot, receipts, app, settings.botToken(), clock,
                settings.commandBudget()));
    }

    /**
     * Connects to Slack: checks the bot token (auth.test), registers the port with the bot, and in Socket Mode opens
     * the WebSocket session (Bolt reconnects when Slack asks it to). Throws with Slack's reason when it refuses.
     */
    public SlackAdapter start() throws Exception {
        wiring.start();
        if (settings.socketMode()) {
            socketMode = new SocketModeApp(settings.appToken().orElseThrow(), wiring.app(),
                    SocketModeClient.Backend.JavaWebSocket);
            socketMode.startAsync();
        }
        return this;
    }

    /** Handles one of Slack's HTTP requests (HTTP mode): Bolt verifies its signature, acknowledges and dispatches. */
    public WebResponse serve(WebRequest request) {
        return wiring.serve(request);
    }

    public ChatPort port() {
        return wiring.port();
    }

    /** The Bolt app, for hosts that embed it in their own server. */
    public App app() {
        return wiring.app();
    }

    @Override
    public void close() {
        try {
            if (socketMode != null) {
                socketMode.close();
            }
        } catch (Exception e) {
            LoggerFactory.getLogger(SlackAdapter.class).warn("closing the Socket Mode session failed: {}", e.getMessage());
        } finally {
            wiring.close();
        }
    }
}
