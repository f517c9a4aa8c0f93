package dev.copbot.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.Settings;
import dev.copbot.core.platform.UserId;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs lines through {@code copbot console --json} in-process, as one process lifetime, and parses each reply. */
public final class ConsoleScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleScript() {}

    /** {@code as}: a console name (alice) or a scoped identity (slack:T1:U2). */
    public static List<JsonNode> run(Settings settings, String as, String... lines) throws IOException {
        ConsoleChatPort port = new ConsoleChatPort();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC(), port)) {
            UserId actor = as.contains(":") ? UserId.parse(as) : UserId.console(as);
            new Console(runtime.bot(), port, runtime.database(), actor, true, settings.dataDir().resolve("charts")).run(
                    new BufferedReader(new StringReader(String.join("\n", lines))),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8), "");
        }
        List<JsonNode> replies = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            replies.add(JSON.readTree(line));
        }
        return replies;
    }
}
