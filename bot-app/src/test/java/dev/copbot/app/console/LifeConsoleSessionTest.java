package dev.copbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.app.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console contract of community life: welcome DMs, kudos, {@code health} and {@code digest} as JSON, charts on disk. */
class LifeConsoleSessionTest {
    @TempDir
    Path data;

    List<JsonNode> session(String as, String... lines) throws Exception {
        return ConsoleScript.run(new ConfigLoader(Map.of()).load(Optional.empty(), Optional.of(data)), as, lines);
    }

    @Test
    void healthAndDigestRepliesCarryTheirFiguresAndTheChartIsSaved() throws Exception {
        session("admin", "community create kafka channel:#kafka purpose:\"Streams\"");
        JsonNode joined = session("alice", "join kafka").get(0);
        assertThat(joined.at("/sent/0/type").asText()).isEqualTo("dm");
        assertThat(joined.at("/sent/0/text").asText()).contains("Welcome to kafka!", "/cop skills add");

        JsonNode kudos = session("alice", "kudos @bob for the review").get(0);
        assertThat(kudos.at("/kudos/to").asText()).isEqualTo("console:bob");

        JsonNode health = session("admin", "health kafka").get(0);
        assertThat(health.get("ok").asBoolean()).as(health.toString()).isTrue();
        for (String field : List.of("members", "active", "activeShare", "asked", "answered", "answerRate",
                "medianFirstAnswerMinutes", "solved", "solvedShare", "eventsHeld", "averageAttendance", "previous")) {
            assertThat(health.get("health").has(field)).as(field).isTrue();
        }
        assertThat(health.at("/health/members").asLong()).isEqualTo(1);
        Path chart = Path.of(health.at("/charts/0").asText());
        assertThat(chart.getParent()).isEqualTo(data.resolve("charts"));
        assertThat(Arrays.copyOf(Files.readAllBytes(chart), 4)).containsExactly(0x89, 'P', 'N', 'G');

        JsonNode digest = session("alice", "digest kafka").get(0);
        for (String section : List.of("solved", "unanswered", "events", "newMembers", "kudos")) {
            assertThat(digest.at("/digest/" + section).isArray()).as(section).isTrue();
        }
        assertThat(digest.at("/digest/newMembers/0").asText()).isEqualTo("alice");
        assertThat(digest.at("/digest/kudos/0/to").asText()).isEqualTo("bob");

        JsonNode refused = session("alice", "health kafka").get(0);
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.get("error").asText()).contains("Only leaders of kafka");
    }
}
