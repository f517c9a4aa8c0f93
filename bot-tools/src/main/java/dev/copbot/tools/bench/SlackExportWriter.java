package dev.copbot.tools.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@link SyntheticWorkspace}'s messages as a standard Slack export folder (channels.json, users.json, one file
 * per channel and day), for import benchmarks and crash tests. One reply in ten carries the asker's check mark, one
 * message in twenty an edit; each channel opens with a join message.
 */
public final class SlackExportWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private SlackExportWriter() {}

    /** Returns the number of messages written (threads and replies). */
    public static long write(int messages, Path out) {
        try {
            Files.createDirectories(out);
            Map<String, JsonGenerator> open = new HashMap<>();
            Map<String, String> openDay = new HashMap<>();
            Map<String, String> askers = new HashMap<>();
            long[] count = {0};
            new SyntheticWorkspace().generate(messages, m -> {
                try {
                    String day = Instant.ofEpochMilli(m.epochMillis()).atZone(ZoneOffset.UTC).toLocalDate().toString();
                    JsonGenerator g = open.get(m.channel());
                    if (g == null || !day.equals(openDay.get(m.channel()))) {
                        if (g == null) {
                            Files.createDirectories(out.resolve(name(m.channel())));
                        } else {
                            g.writeEndArray();
                            g.close();
                        }
                        g = JSON.createGenerator(out.resolve(name(m.channel())).resolve(day + ".json").toFile(), JsonEncoding.UTF8);
                        g.writeStartArray();
                        open.put(m.channel(), g);
                        openDay.put(m.channel(), day);
                    }
                    boolean root = m.ts().equals(m.threadTs());
                    if (root) {
                        askers.put(m.ts(), m.user());
                    }
                    g.writeStartObject();
                    g.writeStringField("type", "message");
                    g.writeStringField("user", m.user());
                    g.writeStringField("text", m.text());
                    g.writeStringField("ts", m.ts());
                    if (!root) {
                        g.writeStringField("thread_ts", m.threadTs());
                    }
                    if (++count[0] % 20 == 0) {
                        g.writeObjectFieldStart("edited");
                        g.writeStringField("user", m.user());
                        g.writeStringField("ts", (m.epochMillis() / 1000 + 60) + ".000000");
                        g.writeEndObject();
                    }
                    if (!root && count[0] % 10 == 3) {
                        g.writeArrayFieldStart("reactions");
                        g.writeStartObject();
                        g.writeStringField("name", "white_check_mark");
                        g.writeArrayFieldStart("users");
                        g.writeString(askers.getOrDefault(m.threadTs(), m.user()));
                        g.writeEndArray();
                        g.writeNumberField("count", 1);
                        g.writeEndObject();
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (JsonGenerator g : open.values()) {
                g.writeEndArray();
                g.close();
            }
            try (JsonGenerator g = JSON.createGenerator(out.resolve("channels.json").toFile(), JsonEncoding.UTF8)) {
                g.writeStartArray();
                for (int c = 0; c < SyntheticWorkspace.CHANNELS; c++) {
                    g.writeStartObject();
                    g.writeStringField("id", "C" + (100 + c));
                    g.writeStringField("name", name("C" + (100 + c)));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            try (JsonGenerator g = JSON.createGenerator(out.resolve("users.json").toFile(), JsonEncoding.UTF8)) {
                g.writeStartArray();
                for (int u = 1000; u < 3000; u++) {
                    g.writeStartObject();
                    g.writeStringField("id", "U" + u);
                    g.writeStringField("team_id", SyntheticWorkspace.TEAM);
                    g.writeStringField("name", "user" + u);
                    g.writeObjectFieldStart("profile");
                    g.writeStringField("display_name", "User " + u);
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(String channel) {
        return "bench-" + channel.toLowerCase(Locale.ROOT);
    }
}
