package dev.copbot.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** The packaged copbot.jar as a user starts it: {@code copbot run} in a directory, with none of our settings inherited. */
final class TheJar {
    private TheJar() {}

    /** {@code java -jar copbot.jar run --data store} in {@code dir}; the caller adds the platform's environment. */
    static ProcessBuilder run(Path dir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", System.getProperty("copbot.jar", "target/copbot.jar"),
                "run", "--data", "store").directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("COPBOT_"));
        return pb;
    }

    /** A port nothing listens on right now, for the bot's HTTP server. */
    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
