package dev.copbot.core.metrics;

import dev.copbot.core.command.CommandRouter;
import dev.copbot.core.command.CommandSpec;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Reply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bot's own meters, recorded where adapters hand work to the core (so the core's dispatch stays untouched).
 * They go to Micrometer's global registry: a no-op until the host adds a registry to it (bot-app adds Prometheus's).
 *
 * <ul>
 *   <li>{@code copbot.commands} (timer, histogram): tags {@code platform}, {@code command} (the first word of the
 *       command text when it is a known command, else {@code unknown}, so typed text cannot create series) and
 *       {@code outcome} ({@code ok}, {@code refused} for a user error, {@code failed} for our fault);</li>
 *   <li>{@code copbot.messages.ingested} (counter): messages the platforms delivered to the core;</li>
 *   <li>{@code copbot.platform.api.calls} (counter): calls to Slack's and Discord's APIs by {@code method} and
 *       {@code outcome} ({@code ok}, {@code error}, {@code rate_limited} for a 429 the client waits out and retries).</li>
 * </ul>
 */
public final class BotMeters {
    public static final String COMMANDS = "copbot.commands";
    public static final String MESSAGES = "copbot.messages.ingested";
    public static final String API_CALLS = "copbot.platform.api.calls";

    private BotMeters() {}

    private static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    /**
     * {@code core} (normally {@code bot::handle}) with every command timed and every posted message counted. Buttons
     * that run a command are timed as that command.
     */
    public static Function<Inbound, Optional<Reply>> around(Platform platform, CommandRouter router,
                                                            Function<Inbound, Optional<Reply>> core) {
        return event -> switch (event) {
            case Inbound.CommandInvoked c -> command(platform, router, c.text(), () -> core.apply(c));
            case Inbound.ButtonClicked b when Button.RUN_COMMAND.equals(b.action()) ->
                    command(platform, router, b.value(), () -> core.apply(b));
            case Inbound.MessagePosted p -> {
                Optional<Reply> out = core.apply(p);
                registry().counter(MESSAGES, "platform", platform.key()).increment();
                yield out;
            }
            default -> core.apply(event);
        };
    }

    private static Optional<Reply> command(Platform platform, CommandRouter router, String text,
                                           Supplier<Optional<Reply>> work) {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            Optional<Reply> reply = work.get();
            outcome = reply.map(BotMeters::outcome).orElse("ok");
            return reply;
        } finally {
            timer(platform, commandName(router, text), outcome).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    static String outcome(Reply reply) {
        if (reply.ok()) {
            return "ok";
        }
        return reply.isOurFault() ? "failed" : "refused";
    }

    private static Timer timer(Platform platform, String command, String outcome) {
        return Timer.builder(COMMANDS).description("Commands by name and outcome, from the adapter's hand-over to the answer")
                .tags("platform", platform.key(), "command", command, "outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry());
    }

    /** The command's first word when it names a command, else {@code unknown}; empty text is {@code help}. */
    public static String commandName(CommandRouter router, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "help";
        }
        int space = t.indexOf(' ');
        String first = (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
        Set<String> known = new HashSet<>();
        known.add("help");
        for (CommandSpec spec : router.specs()) {
            String path = spec.path();
            int s = path.indexOf(' ');
            known.add(s < 0 ? path : path.substring(0, s));
        }
        return known.contains(first) ? first : "unknown";
    }

    /** One call to a platform's API: {@code status} is the HTTP status, {@code refused} an {@code ok:false} answer. */
    public static void apiCall(Platform platform, String method, int status, boolean refused) {
        String outcome = status == 429 ? "rate_limited" : status >= 400 || refused ? "error" : "ok";
        Counter.builder(API_CALLS).description("Calls to the chat platform's API, by method and outcome")
                .tags("platform", platform.key(), "method", method, "outcome", outcome)
                .register(registry()).increment();
    }
}
