package dev.copbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged copbot.jar as a user starts it: {@code copbot run} in a directory, with none of our settings inherited. */
final class TheJar {
    static final ObjectMapper JSON = new ObjectMapper();

    private TheJar() {}

    /** {@code java -jar copbot.jar run --data store} in {@code dir}; the caller adds the platform's environment. */
    static ProcessBuilder run(Path dir) {
        return process(dir, "run", "--data", "store");
    }

    /** {@code java -jar copbot.jar ARGS} in {@code dir}, with none of our settings (Slack, Discord, COPBOT_*) inherited. */
    static ProcessBuilder process(Path dir, String... args) {
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("COPBOT_"));
        return pb;
    }

    /** {@code java -jar copbot.jar ARGS} with this test's JVM. */
    private static List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", System.getProperty("copbot.jar", "target/copbot.jar")));
        command.addAll(List.of(args));
        return command;
    }

    /** What a finished run printed: {@link #json()} reads {@code --json} output, one reply a line. */
    record Result(int exit, String out, String err) {
        List<JsonNode> json() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        }
    }

    /**
     * {@code java -jar copbot.jar ARGS} in {@code dir} with only {@code env} of our settings, {@code stdin} on its
     * input; fails unless it ends within {@code seconds}.
     */
    static Result run(Path dir, Map<String, String> env, String stdin, int seconds, String... args) throws Exception {
        ProcessBuilder pb = process(dir, args);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("copbot finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A port nothing listens on right now, for the bot's HTTP server. */
    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
