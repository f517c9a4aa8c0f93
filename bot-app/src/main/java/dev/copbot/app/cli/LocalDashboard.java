package dev.copbot.app.cli;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.Settings;
import dev.copbot.app.console.Console;
import dev.copbot.app.console.ConsoleChatPort;
import dev.copbot.app.http.BotHttpServer;
import dev.copbot.app.http.CalendarRoute;
import dev.copbot.app.web.DashboardRoute;
import dev.copbot.core.platform.UserId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code copbot console --dashboard}: the console with the web dashboard beside it, on loopback only (the console's
 * people are whoever sits at this terminal), so {@code /cop dashboard} gives a link to open here.
 */
final class LocalDashboard {
    private LocalDashboard() {}

    static int open(Settings configured, UserId actor, boolean json, Clock clock) throws IOException {
        Settings settings = configured.publicUrl().isPresent() ? configured
                : configured.withPublicUrl("http://localhost:" + configured.httpPort());
        ConsoleChatPort port = new ConsoleChatPort();
        try (BotRuntime runtime = BotRuntime.start(settings, clock, port);
             BotHttpServer http = new BotHttpServer()
                     .route(CalendarRoute.PREFIX, new CalendarRoute(runtime.bot().events()))
                     .route(DashboardRoute.PREFIX, new DashboardRoute(runtime.bot(), settings.publicUrl()))
                     .start("127.0.0.1", settings.httpPort())) {
            boolean interactive = System.console() != null && !json;
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            if (interactive) {
                System.err.println("CoP Bot console on " + settings.database().describe() + ", acting as " + actor
                        + "; the dashboard is at " + settings.publicUrl().orElseThrow() + "/dashboard/ (type "
                        + "dashboard for your sign-in link). Type help for the commands, quit to leave.");
            }
            new Console(runtime.bot(), port, runtime.database(), actor, json, settings.dataDir().resolve("charts"))
                    .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out,
                            interactive ? "cop> " : "");
        }
        return 0;
    }
}
