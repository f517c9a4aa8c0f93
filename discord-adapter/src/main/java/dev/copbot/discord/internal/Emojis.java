package dev.copbot.discord.internal;

import java.util.Map;
import net.dv8tion.jda.api.entities.emoji.Emoji;

/**
 * Reaction emoji under the platform-neutral names the core counts (Slack's short names), so an answer marked with
 * ✅ on Discord counts like {@code :white_check_mark:} on Slack. Others keep their unicode or custom name.
 */
final class Emojis {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("\u2705", "white_check_mark"), Map.entry("\u2714\uFE0F", "heavy_check_mark"),
            Map.entry("\u2714", "heavy_check_mark"), Map.entry("\uD83D\uDC4D", "+1"), Map.entry("\uD83D\uDC4E", "-1"),
            Map.entry("\uD83D\uDE4F", "pray"), Map.entry("\u2764\uFE0F", "heart"), Map.entry("\uD83C\uDF89", "tada"),
            Map.entry("\uD83D\uDE4C", "raised_hands"), Map.entry("\uD83D\uDCAF", "100"), Map.entry("\uD83D\uDC40", "eyes"));

    private Emojis() {}

    static String name(Emoji emoji) {
        return emoji.getType() == Emoji.Type.UNICODE ? NAMES.getOrDefault(emoji.getName(), emoji.getName()) : emoji.getName();
    }
}
