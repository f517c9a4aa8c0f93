package dev.copbot.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.copbot.core.command.Suggestions;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A standard Slack workspace export (a .zip or its folder): {@code channels.json} (public channels),
 * {@code groups.json} (private ones), {@code dms.json} and {@code mpims.json} (direct conversations) when present,
 * {@code users.json}, and one {@code <channel>/<YYYY-MM-DD>.json} file of messages per channel and day.
 */
public final class SlackExportReader implements ExportReader {
    /** Bump when what is read from a file changes, so files imported by an older version are read again. */
    static final String VERSION = "slack-1";
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.json");
    private static final Pattern TEAM = Pattern.compile("[A-Z][A-Z0-9]{2,20}");

    private final ExportSource export;
    private final String team;
    private final Map<String, Actor> people = new LinkedHashMap<>();
    private final List<ChannelPlan> channels = new ArrayList<>();
    private final SlackMessages messages;

    private SlackExportReader(ExportSource export, String team, Consumer<String> problems) {
        this.export = export;
        this.team = team;
        this.messages = new SlackMessages(team, people.keySet());
    }

    /**
     * Opens an export. {@code workspace} overrides the team id found in users.json; {@code only} limits the import to
     * channels by name or id. Files that cannot be read are reported to {@code problems} and left out.
     */
    public static SlackExportReader open(Path path, Optional<String> workspace, Set<String> only, Consumer<String> problems) {
        ExportSource export = ExportSource.open(path, problems);
        try {
            List<JsonNode> users = list(export, "users.json", problems);
            String team = workspace.map(String::strip).orElseGet(() -> team(users, export));
            if (!TEAM.matcher(team).matches()) {
                throw new ImportException("'" + team + "' is not a Slack workspace id: it looks like T0123ABCD "
                        + "(see users.json's team_id, or the URL of your workspace's admin pages).");
            }
            SlackExportReader reader = new SlackExportReader(export, team, problems);
            reader.people(users, problems);
            reader.plan(only, problems);
            return reader;
        } catch (RuntimeException e) {
            export.close();
            throw e;
        }
    }

    private static String team(List<JsonNode> users, ExportSource export) {
        Map<String, Integer> votes = new HashMap<>();
        for (JsonNode u : users) {
            Optional.ofNullable(Json.text(u, "team_id")).or(() -> Optional.ofNullable(Json.text(u, "team")))
                    .ifPresent(t -> votes.merge(t, 1, Integer::sum));
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new ImportException("cannot tell which Slack workspace " + export.origin()
                        + " comes from: " + (export.has("users.json") ? "users.json names no team_id"
                        : "it has no users.json") + ". Give it with --workspace T0123ABCD."));
    }

    private void people(List<JsonNode> users, Consumer<String> problems) {
        for (JsonNode u : users) {
            String id = Json.text(u, "id");
            try {
                UserId user = new UserId(Platform.SLACK, team, id);
                people.put(id, new Actor(user, SlackMessages.displayName(u), zone(Json.text(u, "tz")), false));
            } catch (IllegalArgumentException e) {
                problems.accept(export.describe("users.json") + ": skipped a user with the id '" + id + "' (" + e.getMessage() + ")");
            }
        }
    }

    private static Optional<ZoneId> zone(String tz) {
        try {
            return tz == null ? Optional.empty() : Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private void plan(Set<String> only, Consumer<String> problems) {
        Map<String, List<String>> folders = new TreeMap<>();
        for (String p : export.paths()) {
            int slash = p.indexOf('/');
            if (slash > 0 && p.indexOf('/', slash + 1) < 0 && DAY.matcher(p.substring(slash + 1)).matches()) {
                folders.computeIfAbsent(p.substring(0, slash), k -> new ArrayList<>()).add(p);
            }
        }
        folders.values().forEach(files -> files.sort(null));
        record Listed(JsonNode node, Visibility visibility, String file) {}
        List<Listed> listed = new ArrayList<>();
        for (var kind : List.of(Map.entry("channels.json", Visibility.PUBLIC), Map.entry("groups.json", Visibility.PRIVATE),
                Map.entry("mpims.json", Visibility.DIRECT), Map.entry("dms.json", Visibility.DIRECT))) {
            list(export, kind.getKey(), problems).forEach(n -> listed.add(new Listed(n, kind.getValue(), kind.getKey())));
        }
        if (listed.isEmpty() && !export.has("channels.json")) {
            throw new ImportException(export.origin() + " does not look like a Slack export: it has no channels.json"
                    + " (nor groups.json, dms.json or mpims.json). Give the .zip Slack produced, or the folder it unpacks to.");
        }
        Set<String> wanted = new LinkedHashSet<>(only);
        Set<String> used = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (Listed l : listed) {
            String id = Json.text(l.node(), "id");
            String name = Json.text(l.node(), "name");
            ChannelId channelId;
            try {
                channelId = new ChannelId(Platform.SLACK, team, id);
            } catch (IllegalArgumentException e) {
                problems.accept(export.describe(l.file()) + ": skipped a conversation with the id '" + id + "'");
                continue;
            }
            String label = name != null ? name : dmName(l.node());
            names.add(label);
            if (!wanted.isEmpty() && !wanted.contains(label) && !wanted.contains(id)) {
                continue;
            }
            used.add(wanted.contains(id) ? id : label);
            String folder = name != null && folders.containsKey(name) ? name : id;
            List<String> files = folders.getOrDefault(folder, List.of());
            folders.remove(folder);
            Optional<Set<UserId>> members = l.node().has("members") ? Optional.of(members(l.node().get("members"))) : Optional.empty();
            channels.add(new ChannelPlan(new Channel(channelId, label, l.visibility()), files, members));
        }
        for (String missing : wanted) {
            if (!used.contains(missing)) {
                throw new ImportException("the export has no channel '" + missing + "' for --channels."
                        + Suggestions.didYouMean(missing.toLowerCase(Locale.ROOT), names)
                        + " Its channels: " + String.join(", ", names.stream().limit(30).toList())
                        + (names.size() > 30 ? ", …" : "") + ".");
            }
        }
        if (wanted.isEmpty()) {
            folders.keySet().forEach(f -> problems.accept(export.describe(f + "/") + ": this folder is listed in no "
                    + "channels.json, groups.json, dms.json or mpims.json, so who may read it is unknown: skipped."));
        }
    }

    private String dmName(JsonNode node) {
        List<String> who = new ArrayList<>();
        for (JsonNode m : node.path("members")) {
            Actor a = people.get(m.asText());
            who.add(a == null ? m.asText() : a.displayName());
        }
        return "dm: " + String.join(", ", who);
    }

    private Set<UserId> members(JsonNode list) {
        Set<UserId> out = new LinkedHashSet<>();
        for (JsonNode m : list) {
            try {
                out.add(new UserId(Platform.SLACK, team, m.asText()));
            } catch (IllegalArgumentException ignored) {
                // not a user id: nothing to grant
            }
        }
        return out;
    }

    private static List<JsonNode> list(ExportSource export, String file, Consumer<String> problems) {
        if (!export.has(file)) {
            if (file.equals("users.json")) {
                problems.accept(export.describe(file) + " is missing: people are shown by their ids.");
            }
            return List.of();
        }
        try (InputStream in = export.open(file)) {
            JsonNode root = Json.MAPPER.readTree(in);
            if (root == null || !root.isArray()) {
                problems.accept(export.describe(file) + ": expected a JSON array; skipped.");
                return List.of();
            }
            List<JsonNode> out = new ArrayList<>();
            root.forEach(out::add);
            return out;
        } catch (IOException e) {
            problems.accept(export.describe(file) + ": " + (e instanceof JsonProcessingException j
                    ? "malformed JSON (" + j.getOriginalMessage() + ")" : e.getMessage()) + "; skipped.");
            return List.of();
        }
    }

    @Override
    public String source() {
        return "slack:" + team;
    }

    public String team() {
        return team;
    }

    @Override
    public List<ChannelPlan> channels() {
        return channels;
    }

    @Override
    public List<Actor> people() {
        return List.copyOf(people.values());
    }

    @Override
    public String describe(String file) {
        return export.describe(file);
    }

    @Override
    public Scan scan(String file) throws IOException, BadFile {
        try (InputStream in = export.open(file)) {
            return Json.scan(in, null, VERSION);
        }
    }

    @Override
    public void read(String file, ChannelPlan channel, long from, Sink sink) throws IOException, BadFile {
        try (InputStream in = export.open(file)) {
            Json.read(in, null, from, (i, node) -> messages.read(node, channel.channel(), file, sink));
        }
    }

    /** The people of users.json, by their Slack ids. */
    Collection<String> knownUsers() {
        return people.keySet();
    }

    @Override
    public void close() {
        export.close();
    }
}
