package dev.copbot.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * DiscordChatExporter JSON exports: one file per channel or thread (or per part of a long one), each with its
 * {@code guild}, its {@code channel} ({@code type}, and for a thread its parent as {@code categoryId}) and its
 * {@code messages}. Reply references and thread channels become threads; direct messages use the scope {@code @me},
 * as the Discord adapter does.
 */
public final class DiscordExportReader implements ExportReader {
    static final String VERSION = "discord-1";
    static final String DIRECT_SCOPE = "@me";

    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<String, DiscordMessages.Kind> kinds = new LinkedHashMap<>();
    private final List<ChannelPlan> channels = new ArrayList<>();

    private DiscordExportReader() {}

    /** Opens the given files, and every .json file under the given folders; unreadable ones go to {@code problems}. */
    public static DiscordExportReader open(List<Path> paths, Consumer<String> problems) {
        DiscordExportReader reader = new DiscordExportReader();
        List<Path> found = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new ImportException(p + " does not exist: give DiscordChatExporter's .json files, or folders of them.");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> all = Files.walk(p)) {
                    all.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")).sorted()
                            .forEach(found::add);
                } catch (IOException e) {
                    throw new ImportException("cannot read the folder " + p + ": " + e.getMessage());
                }
            } else {
                found.add(p);
            }
        }
        if (found.isEmpty()) {
            throw new ImportException("no .json files in " + paths + ": export the channels with DiscordChatExporter "
                    + "in the JSON format (--format Json) and give those files.");
        }
        Map<ChannelId, List<String>> byChannel = new LinkedHashMap<>();
        Map<ChannelId, Channel> described = new LinkedHashMap<>();
        for (Path f : found) {
            try (InputStream in = Files.newInputStream(f)) {
                JsonNode head = Json.header(in, "messages");
                String guild = Json.text(head.path("guild"), "id");
                JsonNode ch = head.path("channel");
                String type = Optional.ofNullable(Json.text(ch, "type")).orElse("GuildTextChat");
                boolean direct = type.startsWith("Direct") || "0".equals(guild);
                ChannelId id = new ChannelId(Platform.DISCORD, direct ? DIRECT_SCOPE : guild, Json.text(ch, "id"));
                Visibility visibility = direct ? Visibility.DIRECT
                        : type.equals("GuildPrivateThread") ? Visibility.PRIVATE : Visibility.PUBLIC;
                Channel channel = new Channel(id, Json.text(ch, "name"), visibility);
                String key = id.scope() + "/" + id.id() + "/" + f.getFileName();
                reader.files.put(key, f);
                reader.kinds.put(key, new DiscordMessages.Kind(type, Optional.ofNullable(Json.text(ch, "categoryId"))));
                described.putIfAbsent(id, channel);
                byChannel.computeIfAbsent(id, k -> new ArrayList<>()).add(key);
            } catch (ExportReader.BadFile e) {
                problems.accept(f + ": " + e.getMessage() + "; skipped.");
            } catch (IOException | IllegalArgumentException e) {
                problems.accept(f + ": not a DiscordChatExporter JSON export (" + e.getMessage() + "); skipped.");
            }
        }
        byChannel.forEach((id, keys) -> reader.channels.add(new ChannelPlan(described.get(id), keys, Optional.empty())));
        // Parents before their threads, so a thread's replies find their starter already stored.
        reader.channels.sort(Comparator.comparing(c -> isThread(reader, c)));
        return reader;
    }

    private static boolean isThread(DiscordExportReader reader, ChannelPlan plan) {
        return reader.kinds.get(plan.files().get(0)).thread();
    }

    @Override
    public String source() {
        return "discord";
    }

    @Override
    public List<ChannelPlan> channels() {
        return channels;
    }

    @Override
    public List<Actor> people() {
        return List.of();
    }

    @Override
    public String describe(String file) {
        return files.get(file).toString();
    }

    @Override
    public Scan scan(String file) throws IOException, BadFile {
        try (InputStream in = Files.newInputStream(files.get(file))) {
            return Json.scan(in, "messages", VERSION);
        }
    }

    @Override
    public void read(String file, ChannelPlan channel, long from, Sink sink) throws IOException, BadFile {
        DiscordMessages messages = new DiscordMessages(channel.channel(), kinds.get(file), describe(file));
        try (InputStream in = Files.newInputStream(files.get(file))) {
            // Earlier entries are read again (not imported) so replies to them find their threads.
            Json.read(in, "messages", 0, (i, node) -> messages.read(node, i >= from ? sink : null));
        }
    }

    @Override
    public void close() {
        // files are opened per read
    }
}
