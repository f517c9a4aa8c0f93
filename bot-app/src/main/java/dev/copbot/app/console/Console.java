package dev.copbot.app.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copbot.core.CopBot;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound.CommandInvoked;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.PlainText;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local console: one command a line, through exactly the path the platforms use ({@link CopBot#run}). In JSON
 * mode every reply is one object on one line with {@code ok}, {@code command}, {@code text} and the reply's
 * structured fields, so scripts can drive the bot.
 */
public final class Console {
    public static final ChannelId CHANNEL = new ChannelId(Platform.CONSOLE, "", "console");

    private final CopBot bot;
    private final ConsoleChatPort port;
    private final Actor actor;
    private final boolean json;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Path charts;

    /** {@code charts}: where the pictures of replies (health charts) are written, since a terminal cannot show them. */
    public Console(CopBot bot, ConsoleChatPort port, Database db, UserId as, boolean json, Path charts) {
        this.bot = bot;
        this.port = port;
        this.json = json;
        this.charts = charts;
        // A scoped identity (e.g. from an imported workspace) keeps the name the bot already knows for it.
        String name = as.platform() == Platform.CONSOLE ? as.id() : new UserDirectory(db).knownName(as).orElse(as.id());
        this.actor = Actor.of(as, name);
    }

    /** Reads commands until end of input or {@code quit} (lines starting with # are comments); {@code prompt} is shown before each line when not empty. */
    public void run(BufferedReader in, PrintStream out, String prompt) {
        try {
            while (true) {
                if (!prompt.isEmpty()) {
                    out.print(prompt);
                    out.flush();
                }
                String line = in.readLine();
                if (line == null || isQuit(line)) {
                    return;
                }
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                out.println(render(execute(line)));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply execute(String line) {
        return bot.run(new CommandInvoked(actor, CHANNEL, Optional.empty(), line, Optional.empty()));
    }

    String render(Reply reply) {
        List<Map<String, Object>> sent = port.drain();
        List<String> pictures = savePictures(reply);
        if (!json) {
            StringBuilder text = new StringBuilder(PlainText.render(reply));
            pictures.forEach(p -> text.append("\n  (chart saved to ").append(p).append(')'));
            sent.forEach(s -> text.append("\n  → ").append(s.get("type")).append(' ').append(s.get("to")).append(": ")
                    .append(s.get("text")));
            return text.toString();
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("ok", reply.ok());
        object.put("command", reply.command());
        object.put("text", PlainText.render(reply));
        object.put("ephemeral", reply.ephemeral());
        reply.data().forEach(object::putIfAbsent);
        if (!sent.isEmpty()) {
            object.put("sent", sent);
        }
        if (!pictures.isEmpty()) {
            object.put("charts", pictures);
        }
        try {
            return mapper.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reply of '" + reply.command() + "' is not serialisable", e);
        }
    }

    /** Writes each picture of the reply under {@link #charts}; returns their paths (none when writing fails). */
    private List<String> savePictures(Reply reply) {
        List<String> out = new ArrayList<>();
        for (Block b : reply.blocks()) {
            if (b instanceof Block.Image image) {
                try {
                    Files.createDirectories(charts);
                    Path file = charts.resolve(image.fileName().replaceAll("[^A-Za-z0-9._-]", "_"));
                    Files.write(file, image.png());
                    out.add(file.toString());
                } catch (IOException e) {
                    System.err.println("could not save the chart " + image.fileName() + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static boolean isQuit(String line) {
        String l = line.strip();
        return l.equalsIgnoreCase("quit") || l.equalsIgnoreCase("exit") || l.equalsIgnoreCase("/quit");
    }
}
