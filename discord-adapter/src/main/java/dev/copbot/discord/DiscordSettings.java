package dev.copbot.discord;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to reach Discord. {@code apiUrl} and {@code gatewayUrl} point the bot at another Discord (a local fake in tests);
 * {@code guildId} registers the commands in one guild (instant updates while developing) instead of globally;
 * {@code shards} fixes the shard count (otherwise Discord recommends one).
 */
public record DiscordSettings(String token, Optional<String> apiUrl, Optional<String> gatewayUrl,
                              Optional<String> guildId, OptionalInt shards) {

    public DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("DISCORD_TOKEN is empty: copy the bot token from the developer portal "
                    + "(Applications → your app → Bot → Reset Token).");
        }
        apiUrl = Objects.requireNonNull(apiUrl).map(u -> u.endsWith("/") ? u : u + "/");
        gatewayUrl = Objects.requireNonNull(gatewayUrl);
        guildId = Objects.requireNonNull(guildId);
        Objects.requireNonNull(shards);
    }

    /** Reads DISCORD_TOKEN, DISCORD_API_URL, DISCORD_GATEWAY_URL, DISCORD_GUILD_ID and DISCORD_SHARDS. */
    public static DiscordSettings fromEnv(Map<String, String> env) {
        Optional<String> guild = present(env, "DISCORD_GUILD_ID");
        guild.ifPresent(g -> {
            if (!g.matches("\\d{1,20}")) {
                throw new IllegalArgumentException("DISCORD_GUILD_ID '" + g + "' is not a server id: enable Developer "
                        + "Mode in Discord, right-click the server and choose Copy Server ID.");
            }
        });
        OptionalInt shards = OptionalInt.empty();
        Optional<String> rawShards = present(env, "DISCORD_SHARDS");
        if (rawShards.isPresent()) {
            try {
                int n = Integer.parseInt(rawShards.get());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                shards = OptionalInt.of(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DISCORD_SHARDS '" + rawShards.get()
                        + "' is not a positive number of shards; leave it unset to use Discord's recommendation.");
            }
        }
        return new DiscordSettings(env.getOrDefault("DISCORD_TOKEN", ""), present(env, "DISCORD_API_URL"),
                present(env, "DISCORD_GATEWAY_URL"), guild, shards);
    }

    private static Optional<String> present(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
