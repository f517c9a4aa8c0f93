package dev.copbot.discord.internal;

import dev.copbot.core.command.CommandSpec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core's command specs as Discord options, and back. Each spec becomes a {@code /cop} subcommand (two-word paths
 * a subcommand of a group); its parameters and {@code key:} options become typed Discord options. An interaction's
 * options are turned back into the same command text the core parses, so Discord and the text grammar never drift.
 */
public final class CommandCatalog {
    public static final String ROOT = "cop";
    private static final Set<String> DATE_KEYS = Set.of("date", "before", "after", "until", "on");

    /** How a Discord option is typed and filled in. */
    public enum Kind { TEXT, USER, CHANNEL, DATE, COMMUNITY, EVENT }

    /** One Discord option: its name, what it maps to in the command text, and whether it is required. */
    public record Slot(String name, String description, Kind kind, boolean required, boolean repeated,
                       Optional<String> optionKey) {}

    /** One subcommand: its group (empty for one-word commands), its name, and its slots in command order. */
    public record Entry(CommandSpec spec, Optional<String> group, String name, List<Slot> slots) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    public CommandCatalog(Collection<CommandSpec> specs) {
        Set<String> groupWords = new HashSet<>();
        specs.forEach(s -> {
            String[] w = s.path().split(" ");
            if (w.length == 2) {
                groupWords.add(w[0]);
            }
        });
        for (CommandSpec spec : specs) {
            if (spec.buttonOnly()) {
                continue; // its button sends the command text; nobody picks it from the menu
            }
            String[] words = spec.path().split(" ");
            boolean clash = words.length == 1 && groupWords.contains(words[0]);
            if (words.length > 2 || clash || !words[words.length - 1].matches("[a-z0-9_-]{1,32}")) {
                skipped.add(spec.path());
                continue;
            }
            Optional<String> group = words.length == 2 ? Optional.of(words[0]) : Optional.empty();
            entries.put(spec.path(), new Entry(spec, group, words[words.length - 1], slots(spec)));
        }
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    /** Paths Discord cannot express as a subcommand (three words, or a word that is both command and group). */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    public Optional<Entry> entry(String group, String subcommand) {
        return Optional.ofNullable(entries.get(group == null ? subcommand : group + " " + subcommand));
    }

    /**
     * The command text for an interaction's option values (already rendered: users as {@code <@id>}, channels as
     * {@code <#id|name>}). Throws {@link IllegalArgumentException} with a user-facing message for an invalid date.
     */
    public static String text(Entry entry, Map<String, String> values) {
        StringBuilder text = new StringBuilder(entry.spec().path());
        List<String> options = new ArrayList<>();
        for (Slot slot : entry.slots()) {
            String value = values.get(slot.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            value = value.strip();
            if (slot.kind() == Kind.DATE) {
                checkDate(slot, value);
            }
            String rendered = switch (slot.kind()) {
                case USER, CHANNEL -> value;
                default -> slot.repeated() ? value : quote(value);
            };
            slot.optionKey().ifPresentOrElse(k -> options.add(k + ":" + rendered), () -> text.append(' ').append(rendered));
        }
        options.forEach(o -> text.append(' ').append(o));
        return text.toString();
    }

    /** Quotes a value so the core's tokenizer reads it back as one word, whatever it contains. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\u201C' || c == '\u201D') {
                q.append('\\');
            }
            q.append(c);
        }
        return q.append('"').toString();
    }

    private static void checkDate(Slot slot, String value) {
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date for " + slot.name()
                    + ": write it as YYYY-MM-DD, e.g. " + LocalDate.of(2025, 1, 31) + ".");
        }
    }

    private static List<Slot> slots(CommandSpec spec) {
        List<Slot> slots = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (CommandSpec.Param p : spec.params()) {
            String name = optionName(p.name(), used);
            String what = p.name().startsWith("@") ? "The person" : p.name().startsWith("#") ? "The channel"
                    : "The " + p.name().replace('-', ' ');
            String description = what + (p.repeated() ? " (several: separate with spaces, quote those with spaces)" : "");
            slots.add(new Slot(name, clip(description), kind(spec, p.name()), p.required(), p.repeated(),
                    Optional.empty()));
        }
        for (CommandSpec.Option o : spec.options()) {
            String name = optionName(o.key(), used);
            slots.add(new Slot(name, clip(o.key() + ", e.g. " + o.example()), kind(spec, o.key(), o.example()), false,
                    false, Optional.of(o.key())));
        }
        return slots;
    }

    private static Kind kind(CommandSpec spec, String paramName) {
        String name = paramName.toLowerCase(Locale.ROOT);
        if (name.startsWith("@")) {
            return Kind.USER;
        }
        if (name.startsWith("#")) {
            return Kind.CHANNEL;
        }
        if (DATE_KEYS.contains(name)) {
            return Kind.DATE;
        }
        String first = spec.path().split(" ")[0];
        if (name.equals("name") && (first.equals("community") || first.equals("join") || first.equals("leave"))) {
            return Kind.COMMUNITY;
        }
        if (name.equals("id") && (first.equals("event") || first.equals("rsvp"))) {
            return Kind.EVENT;
        }
        return Kind.TEXT;
    }

    private static Kind kind(CommandSpec spec, String key, String example) {
        if (example.startsWith("#") || key.equals("channel") || key.equals("in")) {
            return Kind.CHANNEL;
        }
        if (example.startsWith("@") || key.equals("from")) {
            return Kind.USER;
        }
        if (key.equals("community")) {
            return Kind.COMMUNITY;
        }
        return DATE_KEYS.contains(key) ? Kind.DATE : Kind.TEXT;
    }

    private static String optionName(String raw, Set<String> used) {
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        name = name.isEmpty() ? "value" : name.substring(0, Math.min(32, name.length()));
        String unique = name;
        for (int i = 2; !used.add(unique); i++) {
            unique = name + i;
        }
        return unique;
    }

    private static String clip(String s) {
        return s.length() <= 100 ? s : s.substring(0, 99) + "…";
    }
}
