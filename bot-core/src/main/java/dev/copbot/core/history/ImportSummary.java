package dev.copbot.core.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did. {@code threads} and {@code replies} count the messages newly stored (a thread is its root);
 * {@code alreadyStored} those an earlier import (or the live bot) had stored; {@code skipped} counts, by reason, the
 * entries not imported as discussion; {@code warnings} what was imported with a caveat; {@code problems} every line
 * reported, naming its file.
 */
public record ImportSummary(String source, int channels, int users, long threads, long replies, long alreadyStored,
                            long edits, long reactions, int filesRead, int filesUnchanged, int filesFailed,
                            Map<String, Long> skipped, Map<String, Long> warnings, List<String> problems,
                            double seconds) {

    public long messages() {
        return threads + replies;
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public double messagesPerSecond() {
        return seconds <= 0 ? 0 : (messages() + alreadyStored) / seconds;
    }

    /** For {@code --json}: every count, flat where it can be. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", filesFailed == 0);
        out.put("source", source);
        out.put("channels", channels);
        out.put("users", users);
        out.put("threads", threads);
        out.put("replies", replies);
        out.put("messages", messages());
        out.put("already_stored", alreadyStored);
        out.put("edits", edits);
        out.put("reactions", reactions);
        out.put("files", Map.of("read", filesRead, "unchanged", filesUnchanged, "failed", filesFailed));
        out.put("skipped_total", skippedTotal());
        out.put("skipped", skipped);
        out.put("warnings", warnings);
        out.put("problems", problems);
        out.put("seconds", Math.round(seconds * 10) / 10.0);
        out.put("messages_per_second", Math.round(messagesPerSecond()));
        return out;
    }

    /** For people: a few lines. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Imported %,d messages (%,d threads, %,d replies) from %d channels"
                + " and %,d people in %.1f s (%,.0f messages/s).%n", messages(), threads, replies, channels, users, seconds,
                messagesPerSecond()));
        if (alreadyStored > 0 || filesUnchanged > 0) {
            b.append(String.format(Locale.ROOT, "Already stored: %,d messages; %,d files unchanged since an "
                    + "earlier import were not read again.%n", alreadyStored, filesUnchanged));
        }
        if (edits > 0 || reactions > 0) {
            b.append(String.format(Locale.ROOT, "Applied %,d edits and %,d reactions.%n", edits, reactions));
        }
        if (!skipped.isEmpty()) {
            b.append(String.format(Locale.ROOT, "Skipped %,d entries:%n", skippedTotal()));
            skipped.forEach((why, n) -> b.append(String.format(Locale.ROOT, "  %,8d  %s%n", n, why)));
        }
        warnings.forEach((why, n) -> b.append(String.format(Locale.ROOT, "Note: %,d %s.%n", n, why)));
        if (filesFailed > 0) {
            b.append(filesFailed).append(filesFailed == 1 ? " file" : " files")
                    .append(" could not be read (see the lines above); the rest was imported.\n");
        }
        return b.toString();
    }
}
