package dev.copbot.app.launch;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.Settings;
import dev.copbot.app.http.BotHttpServer;
import java.util.Map;

/**
 * Starts one platform connection (Slack, Discord) on a running bot. A launcher registers its {@code ChatPort} with
 * the bot, mounts any HTTP routes it needs before the server starts, and returns what to close on shutdown.
 */
public interface Launcher {

    /** Whether the environment asks for this platform (its token is set). */
    boolean wanted(Map<String, String> env);

    String name();

    /** Called before the HTTP server starts: add routes here. */
    default void routes(BotRuntime runtime, Settings settings, Map<String, String> env, BotHttpServer http) {}

    /** Connects; the returned handle disconnects. Throws with a clear message when the platform refuses. */
    AutoCloseable start(BotRuntime runtime, Settings settings, Map<String, String> env) throws Exception;
}
