package dev.copbot.slack.internal;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.copbot.core.CopBot;
import dev.copbot.core.store.Receipts;
import dev.copbot.slack.http.WebRequest;
import dev.copbot.slack.http.WebResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Bolt app with our listeners and runs Slack's HTTP requests through it. */
public final class BoltWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoltWiring.class);

    private final CopBot bot;
    private final Receipts receipts;
    private final App app;
    private final String botToken;
    private final Clock clock;
    private final Duration commandBudget;
    private final SlackRequestParser parser;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile SlackChatPort port;

    private BoltWiring(CopBot bot, Receipts receipts, App app, String botToken, Clock clock, Duration commandBudget) {
        this.bot = bot;
        this.receipts = receipts;
        this.app = app;
        this.botToken = botToken;
        this.clock = clock;
        this.commandBudget = commandBudget;
        this.parser = new SlackRequestParser(app.config());
    }

    public static BoltWiring create(CopBot bot, Receipts receipts, AppConfig config, String botToken, Clock clock,
                                    Duration commandBudget) {
        return new BoltWiring(bot, receipts, new ClockedApp(config, clock), botToken, clock, commandBudget);
    }

    public App app() {
        return app;
    }

    public SlackChatPort port() {
        if (port == null) {
            throw new IllegalStateException("the Slack adapter is not started");
        }
        return port;
    }

    /** Checks the token, learns the workspace, registers the port and the listeners, and starts Bolt. */
    public void start() throws Exception {
        var auth = app.client().authTest(r -> r.token(botToken));
        if (!auth.isOk()) {
            throw new IllegalStateException("Slack refused SLACK_BOT_TOKEN (auth.test: " + auth.getError()
                    + "). Copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page.");
        }
        SlackChatPort p = new SlackChatPort(app.slack().methodsAsync(botToken), auth.getTeamId(),
                Optional.ofNullable(auth.getUrl()), clock);
        Replies replies = new Replies(bot, p);
        new CommandListener(replies, executor, commandBudget).register(app);
        new InteractionListener(replies, executor).register(app);
        new EventListener(replies, receipts, clock).register(app);
        bot.ports().register(p);
        port = p;
        app.start();
        log.info("Slack workspace {} ({}) as {}", auth.getTeam(), auth.getTeamId(), auth.getUser());
    }

    /**
     * One of Slack's HTTP requests through Bolt (which verifies the signature). A body that does not parse, lacks what
     * its kind needs or is of no kind Slack sends is the sender's fault: 400 with a one-line reason, logged at WARN
     * without a stack trace. Only our own failures are 500s.
     */
    public WebResponse serve(WebRequest request) {
        if (port == null) {
            return text(503, "the Slack adapter is still starting");
        }
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.path())
                    .queryString(request.query() == null ? Map.of() : QueryStringParser.toMap(request.query()))
                    .requestBody(request.body() == null ? "" : request.body())
                    .headers(new RequestHeaders(request.headers()))
                    .remoteAddress(request.remoteAddress())
                    .build());
        } catch (RuntimeException e) {
            return malformed(e);
        }
        if (slackRequest == null) {
            return malformed("not a request from Slack (unknown payload type)");
        }
        try {
            Response r = app.run(slackRequest);
            return new WebResponse(r.getStatusCode(), r.getContentType() == null ? "text/plain; charset=utf-8"
                    : r.getContentType(), r.getHeaders() == null ? Map.of() : r.getHeaders(),
                    r.getBody() == null ? "" : r.getBody());
        } catch (RuntimeException e) {
            if (MalformedRequests.isMalformed(e)) {
                return malformed(e);
            }
            return failed(e);
        } catch (Exception e) {
            return failed(e);
        }
    }

    private static WebResponse malformed(Throwable e) {
        return malformed(MalformedRequests.reason(e));
    }

    private static WebResponse malformed(String reason) {
        log.warn("malformed Slack request refused: {}", reason);
        return text(400, "malformed request: " + reason);
    }

    private static WebResponse failed(Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Slack request failed (reference {})", reference, e);
        return text(500, "internal error (reference " + reference + ")");
    }

    private static WebResponse text(int status, String body) {
        return new WebResponse(status, "text/plain; charset=utf-8", Map.of(), body);
    }

    @Override
    public void close() {
        app.stop();
        executor.shutdownNow();
    }

}
