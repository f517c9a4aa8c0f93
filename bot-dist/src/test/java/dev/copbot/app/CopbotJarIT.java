package dev.copbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code copbot.jar}, started as its own process with a script on standard input. */
class CopbotJarIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

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

    Result copbot(String stdin, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", System.getProperty("copbot.jar", "target/copbot.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(data.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("COPBOT_"));
        Path out = data.resolve("stdout.txt");
        Path err = data.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("copbot finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aScriptedJsonSessionPersistsAcrossProcesses() throws Exception {
        Result first = copbot("""
                community create data-science purpose:"Models and pipelines"
                community charter data-science cadence:"Thursdays"
                """, "console", "--json", "--data", "store");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.json()).hasSize(2).allSatisfy(r -> assertThat(r.get("ok").asBoolean()).isTrue());

        assertThat(copbot("join data-science\n", "console", "--json", "--as", "alice", "--data", "store").json().get(0)
                .get("ok").asBoolean()).isTrue();
        assertThat(copbot("join data-science\n", "console", "--json", "--as", "slack:T0123:U0456", "--data", "store")
                .json().get(0).get("ok").asBoolean()).isTrue();

        Result after = copbot("community info data-science\n", "console", "--json", "--data", "store");
        JsonNode info = after.json().get(0);
        assertThat(info.at("/community/members").asLong()).isEqualTo(2);
        assertThat(info.at("/community/cadence").asText()).isEqualTo("Thursdays");
        assertThat(Files.exists(data.resolve("store/copbot.db"))).isTrue();
    }

    @Test
    void runWithoutTokensOpensTheConsoleOnTheDefaultDataDirectory() throws Exception {
        Result r = copbot("communities\n", "run");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("No SLACK_BOT_TOKEN or DISCORD_TOKEN", "opening the local console");
        assertThat(r.out()).contains("There are no communities yet");
        assertThat(Files.exists(data.resolve("data/copbot.db"))).isTrue();
    }

    @Test
    void theJarOffersEvalAndBenchFromBotTools() throws Exception {
        Result help = copbot("", "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).containsPattern("(?m)^  eval +Measure search quality").containsPattern("(?m)^  bench +Measure ingest");
        Result bench = copbot("", "bench", "search", "--help");
        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("Usage: copbot bench search", "--messages", "--without");
    }

    @Test
    void startupMistakesAreOneClearLineWithoutAStackTrace() throws Exception {
        Result badAs = copbot("", "console", "--as", "slack:nope");
        assertThat(badAs.exit()).isEqualTo(2);
        assertThat(badAs.err()).contains("--as:", "slack ids look like slack:<workspace>:<id>").doesNotContain("\tat ");

        Files.writeString(data.resolve("bad.yaml"), "admins: [console:admin]\ndiscord_token: abc\n");
        Result badConfig = copbot("", "console", "--config", "bad.yaml");
        assertThat(badConfig.exit()).isEqualTo(1);
        assertThat(badConfig.err()).contains("unknown setting 'discord_token'", "line 2").doesNotContain("\tat ", "abc");

        Result unknown = copbot("", "consol");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("consol");
    }
}
