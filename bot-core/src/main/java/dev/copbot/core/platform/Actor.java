package dev.copbot.core.platform;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who did something, as far as the platform told us: the identity, a display name, their time zone when known, and
 * whether the platform considers them an administrator of their workspace or guild (Slack owners/admins, Discord
 * Manage Server or Administrator). Platform admins are admins of the bot only in their own workspace or guild.
 */
public record Actor(UserId id, String displayName, Optional<ZoneId> zone, boolean platformAdmin) {
    public Actor {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id.id() : displayName;
        zone = zone == null ? Optional.empty() : zone;
    }

    public static Actor of(UserId id, String displayName) {
        return new Actor(id, displayName, Optional.empty(), false);
    }
}
