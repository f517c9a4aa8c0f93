package dev.copbot.slack.internal;

import dev.copbot.core.reply.TimeText;
import java.time.Instant;

/** Slack's mrkdwn rules: what must be escaped, and how to write a time every viewer sees in their own zone. */
public final class SlackText {
    private SlackText() {}

    /**
     * Escapes the three characters Slack treats as control sequences, so quoted user text such as {@code <!channel>},
     * {@code <!here>} or {@code <@U0123>} shows literally and never pings anyone.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A time Slack renders in each viewer's own zone, e.g. {@code date(t, "{date_short_pretty} at {time}")}; clients
     * that cannot render it show the UTC fallback.
     */
    public static String date(Instant at, String format) {
        String fallback = at.toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC");
        return "<!date^" + at.getEpochSecond() + "^" + format + "|" + escape(fallback) + ">";
    }

    /**
     * Escapes core text and turns its time marks ({@link dev.copbot.core.reply.TimeText}) into {@code <!date^…>},
     * which must come after escaping so its angle brackets survive.
     */
    public static String blockText(String coreText) {
        return TimeText.render(escape(coreText),
                (at, fallback) -> "<!date^" + at.getEpochSecond() + "^{date_short_pretty} at {time}|" + fallback + ">");
    }

    /** Cuts text to Slack's per-field limits, marking the cut. */
    public static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
