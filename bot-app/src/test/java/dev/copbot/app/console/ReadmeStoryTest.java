package dev.copbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.app.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command README.md shows in its text blocks ({@code cop>} and {@code /cop} lines), run in order in a fresh
 * console as the admin: the README is the first ten minutes of a new user, so its examples must work as written.
 */
class ReadmeStoryTest {
    private static final Pattern COMMENT = Pattern.compile("\\s+#\\s.*$");

    @TempDir
    Path data;

    @Test
    void theReadmeExamplesRunInOrderInAFreshConsole() throws Exception {
        List<String> commands = commands(Files.readString(Path.of("..", "README.md")));
        assertThat(commands).as("README examples").hasSizeGreaterThan(20).contains("communities", "event ics 1");

        List<JsonNode> replies = ConsoleScript.run(new ConfigLoader(Map.of()).load(Optional.empty(), Optional.of(data)),
                "admin", commands.toArray(String[]::new));

        assertThat(replies).hasSameSizeAs(commands);
        for (int i = 0; i < commands.size(); i++) {
            assertThat(replies.get(i).get("ok").asBoolean()).as("README: %s\n  → %s", commands.get(i),
                    replies.get(i).get("text").asText()).isTrue();
        }
    }

    /** The commands of the README's ```text blocks, comments cut; {@code quit} only ends one console, not the story. */
    static List<String> commands(String readme) {
        List<String> out = new ArrayList<>();
        boolean inText = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("```")) {
                inText = !inText && line.strip().equals("```text");
                continue;
            }
            String command = line.startsWith("cop> ") ? line.substring(5) : line.startsWith("/cop ") ? line.substring(5) : null;
            if (inText && command != null) {
                command = COMMENT.matcher(command).replaceFirst("").strip();
                if (!command.equals("quit")) {
                    out.add(command);
                }
            }
        }
        return out;
    }
}
