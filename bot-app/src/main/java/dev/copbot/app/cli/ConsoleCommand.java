package dev.copbot.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.Settings;
import dev.copbot.app.console.Console;
import dev.copbot.app.console.ConsoleChatPort;
import dev.copbot.core.platform.UserId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Talk to the bot locally, through the same command path the platforms use.",
                "Reads one command a line (the leading /cop is optional); an interactive prompt on a terminal."})
public final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print every reply as one JSON object on one line, for scripts.")
    boolean json;

    @Option(names = "--as", paramLabel = "IDENTITY", defaultValue = "admin",
            description = "Act as this user: a console name (alice) or a scoped identity (slack:T0123:U0456). "
                    + "Default: ${DEFAULT-VALUE}.")
    String as;

    @Mixin
    NowOption now;

    @Option(names = "--dashboard", description = {"Also serve the web dashboard (and calendar feeds) on the HTTP "
            + "port, so /cop dashboard gives a link that works here (http://localhost:<port> unless http.publicUrl is set)."})
    boolean dashboard;

    @Override
    public Integer call() throws Exception {
        UserId actor = parseIdentity(as);
        quietLogs();
        Settings settings = common.settings();
        if (dashboard) {
            return LocalDashboard.open(settings, actor, json, now.clock());
        }
        return open(settings, actor, json, false, now.clock(), true);
    }

    /** Shared with {@code copbot run} when no platform is configured: that console is the bot, it owns the index. */
    static int open(Settings settings, UserId actor, boolean json, boolean announce) {
        return open(settings, actor, json, announce, Clock.systemUTC(), false);
    }

    /** {@code besideBot}: a running bot may hold the index; then search its index read-only and write the store. */
    static int open(Settings settings, UserId actor, boolean json, boolean announce, Clock clock, boolean besideBot) {
        ConsoleChatPort port = new ConsoleChatPort();
        try (BotRuntime runtime = besideBot ? BotRuntime.startForConsole(settings, clock, port)
                : BotRuntime.start(settings, clock, port)) {
            if (runtime.storeOnly()) {
                System.err.println(BESIDE_RUNNING_BOT);
            }
            boolean interactive = System.console() != null && !json;
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            if (announce || interactive) {
                System.err.println("CoP Bot console on " + settings.database().describe() + ", acting as " + actor
                        + ", at " + clock.instant() + ". Type help for the commands, quit to leave.");
            }
            new Console(runtime.bot(), port, runtime.database(), actor, json, settings.dataDir().resolve("charts"))
                    .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out,
                            interactive ? "cop> " : "");
        }
        return 0;
    }

    static final String BESIDE_RUNNING_BOT = "Note: copbot run is using this data directory. This console searches "
            + "the bot's index as the bot last saved it (every 5 s), and what you change here is stored at once and "
            + "becomes searchable once the running bot has indexed it; the running bot sends reminders and other "
            + "scheduled posts.";

    public static UserId parseIdentity(String typed) {
        try {
            return typed.contains(":") ? UserId.parse(typed) : UserId.console(typed);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new ConsoleCommand()),
                    "--as: " + e.getMessage());
        }
    }

    /** Log lines would interleave with replies; keep warnings and errors only. */
    public static void quietLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
}
