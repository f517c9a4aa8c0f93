package dev.copbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code copbot.jar}, started as its own process with a script on standard input. */
class CopbotJarIT {
    @TempDir
    Path data;

    TheJar.Result copbot(String stdin, String... args) throws Exception {
        return TheJar.run(data, Map.of(), stdin, 60, args);
    }

    @Test
    void aScriptedJsonSessionPersistsAcrossProcesses() throws Exception {
        TheJar.Result first = copbot("""
                community create data-science purpose:"Models and pipelines"
                community charter data-science cadence:"Thursdays"
                """, "console", "--json", "--data", "store");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.json()).hasSize(2).allSatisfy(r -> assertThat(r.get("ok").asBoolean()).isTrue());

        assertThat(copbot("join data-science\n", "console", "--json", "--as", "alice", "--data", "store").json().get(0)
                .get("ok").asBoolean()).isTrue();
        assertThat(copbot("join data-science\n", "console", "--json", "--as", "slack:T0123:U0456", "--data", "store")
                .json().get(0).get("ok").asBoolean()).isTrue();

        TheJar.Result after = copbot("community info data-science\n", "console", "--json", "--data", "store");
        JsonNode info = after.json().get(0);
        assertThat(info.at("/community/members").asLong()).isEqualTo(2);
        assertThat(info.at("/community/cadence").asText()).isEqualTo("Thursdays");
        assertThat(Files.exists(data.resolve("store/copbot.db"))).isTrue();
    }

    @Test
    void runWithoutTokensOpensTheConsoleOnTheDefaultDataDirectory() throws Exception {
        TheJar.Result r = copbot("communities\n", "run");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("No SLACK_BOT_TOKEN or DISCORD_TOKEN", "opening the local console");
        assertThat(r.out()).contains("There are no communities yet");
        assertThat(Files.exists(data.resolve("data/copbot.db"))).isTrue();
    }

    @Test
    void theJarOffersEvalAndBenchFromBotTools() throws Exception {
        TheJar.Result help = copbot("", "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).containsPattern("(?m)^  eval +Measure search quality").containsPattern("(?m)^  bench +Measure ingest");
        TheJar.Result bench = copbot("", "bench", "search", "--help");
        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("Usage: copbot bench search", "--messages", "--without");
    }

    @Test
    void startupMistakesAreOneClearLineWithoutAStackTrace() throws Exception {
        TheJar.Result badAs = copbot("", "console", "--as", "slack:nope");
        assertThat(badAs.exit()).isEqualTo(2);
        assertThat(badAs.err()).contains("--as:", "slack ids look like slack:<workspace>:<id>").doesNotContain("\tat ");

        Files.writeString(data.resolve("bad.yaml"), "admins: [console:admin]\ndiscord_token: abc\n");
        TheJar.Result badConfig = copbot("", "console", "--config", "bad.yaml");
        assertThat(badConfig.exit()).isEqualTo(1);
        assertThat(badConfig.err()).contains("unknown setting 'discord_token'", "line 2").doesNotContain("\tat ", "abc");

        TheJar.Result unknown = copbot("", "consol");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("consol");
    }
}
