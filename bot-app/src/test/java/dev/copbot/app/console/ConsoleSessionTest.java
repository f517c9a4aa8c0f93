package dev.copbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copbot.app.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripted {@code copbot console --json} sessions against a real SQLite file, as a script or a user would run them. */
class ConsoleSessionTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    /** Runs the lines as {@code as} in one process lifetime (open store, run, close) and parses each output line. */
    List<JsonNode> session(String as, String... lines) throws Exception {
        return ConsoleScript.run(new ConfigLoader(Map.of()).load(Optional.empty(), Optional.of(data)), as, lines);
    }

    JsonNode one(String as, String line) throws Exception {
        List<JsonNode> r = session(as, line);
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void theWalkingSkeletonSessionSurvivesARestart() throws Exception {
        List<JsonNode> admin = session("admin",
                "community create data-science purpose:\"Models and pipelines\" channel:#data-science",
                "/cop community charter data-science scope:\"ML in production\" cadence:\"Thursdays 12:00\" ask:\"Post in #data-science\"");
        assertThat(admin).allSatisfy(r -> assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue());
        assertThat(one("alice", "join data-science").get("ok").asBoolean()).isTrue();
        assertThat(one("bob", "/cop join data-science").get("ok").asBoolean()).isTrue();

        JsonNode info = one("carol", "community info data-science");
        assertThat(info.get("command").asText()).isEqualTo("community info");
        assertThat(info.at("/community/members").asLong()).isEqualTo(2);
        assertThat(info.at("/community/channels/0").asText()).isEqualTo("data-science");
        assertThat(info.get("text").asText()).contains("Members: 2", "Meets: Thursdays 12:00");

        JsonNode list = one("carol", "communities");
        assertThat(list.at("/communities/0/name").asText()).isEqualTo("data-science");
        assertThat(list.at("/communities/0/members").asLong()).isEqualTo(2);

        assertThat(one("alice", "skills add kafka \"stream processing\"").get("skills").toString())
                .isEqualTo("[\"kafka\",\"stream processing\"]");
        assertThat(one("bob", "leave data-science").get("ok").asBoolean()).isTrue();

        // A new process on the same data directory reads back the same state.
        List<JsonNode> after = session("carol", "community info data-science", "skills list @alice", "communities");
        assertThat(after.get(0).at("/community/members").asLong()).isEqualTo(1);
        assertThat(after.get(0).at("/community/scope").asText()).isEqualTo("ML in production");
        assertThat(after.get(0).at("/community/ask").asText()).isEqualTo("Post in #data-science");
        assertThat(after.get(0).at("/community/leaders/0").asText()).isEqualTo("admin");
        assertThat(after.get(1).get("skills").toString()).isEqualTo("[\"kafka\",\"stream processing\"]");
        assertThat(after.get(2).at("/communities/0/members").asLong()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedClearlyAndTheConsoleKeepsServing() throws Exception {
        session("admin", "community create kafka");
        List<JsonNode> r = session("alice",
                "frobnicate",                                    // unknown command
                "comunities",                                    // typo
                "join",                                          // missing argument
                "join kafka extra words",                        // extra arguments
                "community charter kafka purpose:\"open quote",  // unbalanced quotes
                "skills add " + "x".repeat(10_000),              // 10 000 characters
                "join kaf\u0001ka",                              // control character
                "join nosuch",                                   // unknown community
                "leave kafka",                                   // not a member
                "community charter kafka purpose:\"mine now\"",  // a member doing a leader's action
                "community create mine",                         // a member doing an admin's action
                "communities");                                  // still serving
        assertThat(r).hasSize(12);
        for (int i = 0; i < 11; i++) {
            assertThat(r.get(i).get("ok").asBoolean()).as(r.get(i).toString()).isFalse();
            assertThat(r.get(i).get("error").asText()).as(r.get(i).toString()).isNotBlank();
            assertThat(r.get(i).get("text").asText()).doesNotContain("Exception", "\tat ");
        }
        assertThat(r.get(0).get("text").asText()).contains("Unknown command 'frobnicate'", "/cop help");
        assertThat(r.get(1).get("text").asText()).contains("Did you mean 'communities'?");
        assertThat(r.get(2).get("usage").asText()).isEqualTo("/cop join <name>");
        assertThat(r.get(3).get("text").asText()).contains("Too many arguments");
        assertThat(r.get(4).get("text").asText()).contains("Unbalanced quote");
        assertThat(r.get(5).get("text").asText()).contains("the limit is 4000");
        assertThat(r.get(6).get("text").asText()).contains("control character");
        assertThat(r.get(7).get("text").asText()).contains("no community named 'nosuch'");
        assertThat(r.get(8).get("text").asText()).contains("not a member of kafka");
        assertThat(r.get(9).get("text").asText()).contains("Only leaders of kafka");
        assertThat(r.get(10).get("text").asText()).contains("Only admins");
        assertThat(r.get(11).get("ok").asBoolean()).isTrue();
        assertThat(r.get(11).at("/communities/0/purpose").isNull()).isTrue();
        assertThat(r.get(11).at("/communities/0/members").asLong()).isZero();
    }

    @Test
    void actsAsAScopedIdentityWithTheNameTheBotKnows() throws Exception {
        session("admin", "community create kafka");
        JsonNode joined = one("slack:T0123:U0456", "join kafka");
        assertThat(joined.get("ok").asBoolean()).isTrue();
        JsonNode skills = one("slack:T0123:U0456", "skills add kafka");
        assertThat(skills.get("user").asText()).isEqualTo("slack:T0123:U0456");
        // A Slack user is no admin of the bot unless config says so.
        assertThat(one("slack:T0123:U0456", "community create other").get("ok").asBoolean()).isFalse();
    }

    @Test
    void blankLinesAndCommentsAreSkippedAndQuitStops() throws Exception {
        List<JsonNode> r = session("alice", "", "# a comment", "communities", "quit", "communities");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("command").asText()).isEqualTo("communities");
    }
}
