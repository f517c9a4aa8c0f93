package dev.copbot.core.discussion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack and Discord markup to the plain text people meant, for indexing and snippets: mentions become names or
 * disappear, links keep their label and address, emoji codes go, code fences stay as searchable text, and
 * broadcast mentions are defused so a snippet can never ping anyone.
 */
public final class Markup {
    private static final Pattern SLACK_LINK = Pattern.compile("<((?:https?|mailto|ftp)[^|>\\s]*)(?:\\|([^>]*))?>");
    private static final Pattern SLACK_USER = Pattern.compile("<@[UW][A-Z0-9]+(?:\\|([^>]*))?>");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("<#[CGD][A-Z0-9]+(?:\\|([^>]*))?>");
    private static final Pattern SLACK_SPECIAL = Pattern.compile("<!(here|channel|everyone)(?:\\|[^>]*)?>");
    private static final Pattern SLACK_SUBTEAM = Pattern.compile("<!subteam\\^[A-Z0-9]+(?:\\|([^>]*))?>");
    private static final Pattern SLACK_DATE = Pattern.compile("<!date\\^[^|>]*\\|([^>]*)>");
    private static final Pattern DISCORD_TAG = Pattern.compile("<(?:@[!&]?\\d+|#\\d+|a?:\\w+:\\d+|t:\\d+(?::[tTdDfFR])?)>");
    private static final Pattern EMOJI_CODE = Pattern.compile(":(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{1,40}:");
    private static final Pattern FENCE = Pattern.compile("```");
    private static final Pattern BROADCAST = Pattern.compile("@(here|channel|everyone)\\b", Pattern.CASE_INSENSITIVE);

    private Markup() {}

    /** Plain text for the index. */
    public static String plain(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (!hasMarkup(text)) {
            return text; // most messages: nothing to rewrite, and the regexes are the costly part of indexing
        }
        String t = SLACK_LINK.matcher(text).replaceAll(m -> quote(m.group(2) == null || m.group(2).isBlank()
                ? m.group(1) : m.group(2) + " " + m.group(1)));
        t = SLACK_USER.matcher(t).replaceAll(m -> m.group(1) == null ? "" : quote("@" + m.group(1)));
        t = SLACK_CHANNEL.matcher(t).replaceAll(m -> m.group(1) == null ? "" : quote("#" + m.group(1)));
        t = SLACK_SPECIAL.matcher(t).replaceAll("@$1");
        t = SLACK_SUBTEAM.matcher(t).replaceAll(m -> m.group(1) == null ? "" : quote(m.group(1)));
        t = SLACK_DATE.matcher(t).replaceAll(m -> quote(m.group(1)));
        t = DISCORD_TAG.matcher(t).replaceAll("");
        t = EMOJI_CODE.matcher(t).replaceAll("");
        t = FENCE.matcher(t).replaceAll("\n");
        return t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static boolean hasMarkup(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == ':' || c == '`' || c == '&') {
                return true;
            }
        }
        return false;
    }

    /** Makes {@code @here}, {@code @channel} and {@code @everyone} inert (a zero-width space after the @). */
    public static String defuse(String text) {
        return BROADCAST.matcher(text).replaceAll("@\u200B$1");
    }

    /** The first meaningful line, without emphasis markers: a thread's title. */
    public static String title(String plainRoot, int max) {
        for (String line : plainRoot.split("\n")) {
            String l = line.replaceAll("[*_~`>]+", " ").replaceAll("\\s+", " ").strip();
            if (!l.isEmpty()) {
                return l.length() <= max ? l : l.substring(0, max - 1).stripTrailing() + "…";
            }
        }
        return "";
    }

    private static String quote(String s) {
        return Matcher.quoteReplacement(s);
    }
}
