package dev.copbot.core;

import dev.copbot.core.platform.UserId;
import java.util.Set;

/** The settings the core itself needs. Admins: listed identities, plus platform admins in their own workspace. */
public record BotSettings(Set<UserId> admins) {
    public static final UserId CONSOLE_ADMIN = UserId.console("admin");

    public BotSettings {
        admins = Set.copyOf(admins);
    }

    public static BotSettings defaults() {
        return new BotSettings(Set.of(CONSOLE_ADMIN));
    }
}
