package dev.copbot.app.cli;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.Settings;
import dev.copbot.app.http.BotHttpServer;
import dev.copbot.app.http.CalendarRoute;
import dev.copbot.app.web.DashboardRoute;
import dev.copbot.app.launch.DiscordLauncher;
import dev.copbot.app.launch.Launcher;
import dev.copbot.app.launch.SlackLauncher;
import dev.copbot.app.metrics.AppMetrics;
import dev.copbot.core.BotSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Connect to Slack (SLACK_BOT_TOKEN) and/or Discord (DISCORD_TOKEN) from the environment.",
                "With neither, open the local console on the embedded store."})
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Settings settings = common.settings();
        Map<String, String> env = System.getenv();
        List<Launcher> wanted = new ArrayList<>();
        for (Launcher l : List.of(new SlackLauncher(), new DiscordLauncher())) {
            if (l.wanted(env)) {
                wanted.add(l);
            }
        }
        if (wanted.isEmpty()) {
            ConsoleCommand.quietLogs();
            System.err.println("No SLACK_BOT_TOKEN or DISCORD_TOKEN in the environment: opening the local console.");
            return ConsoleCommand.open(settings, BotSettings.CONSOLE_ADMIN, false, true);
        }
        List<AutoCloseable> open = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC());
             AppMetrics metrics = AppMetrics.start(runtime, Clock.systemUTC());
             BotHttpServer http = new BotHttpServer()) {
            runtime.warmUpExperts();
            for (Launcher l : wanted) {
                l.routes(runtime, settings, env, http);
            }
            http.route(CalendarRoute.PREFIX, new CalendarRoute(runtime.bot().events()));
            http.route(DashboardRoute.PREFIX, new DashboardRoute(runtime.bot(), settings.publicUrl()));
            metrics.route(http, Optional.ofNullable(env.get(AppMetrics.TOKEN_VARIABLE)).filter(t -> !t.isBlank()));
            http.start("0.0.0.0", settings.httpPort());
            for (Launcher l : wanted) {
                open.add(l.start(runtime, settings, env));
                log.info("{} connected", l.name());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "copbot-shutdown"));
            stopped.await();
        } finally {
            for (AutoCloseable c : open.reversed()) {
                try {
                    c.close();
                } catch (Exception e) {
                    log.warn("closing a connection failed: {}", e.getMessage());
                }
            }
        }
        return 0;
    }
}
