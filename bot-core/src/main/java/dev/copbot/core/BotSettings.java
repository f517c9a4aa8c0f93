package dev.copbot.core;

import dev.copbot.core.expertise.AskExperts;
import dev.copbot.core.kudos.KudosSettings;
import dev.copbot.core.life.CommunityLife;
import dev.copbot.core.platform.UserId;
import java.util.Set;

/**
 * The settings the core itself needs. Admins: listed identities, plus platform admins in their own workspace. The
 * rest are the limits of features: expert DMs and escalation, kudos, and when a community counts as inactive.
 */
public record BotSettings(Set<UserId> admins, AskExperts.Settings ask, KudosSettings kudos, CommunityLife.Settings life) {
    public static final UserId CONSOLE_ADMIN = UserId.console("admin");

    public BotSettings {
        admins = Set.copyOf(admins);
    }

    public BotSettings(Set<UserId> admins) {
        this(admins, AskExperts.Settings.defaults(), KudosSettings.defaults(), CommunityLife.Settings.defaults());
    }

    public static BotSettings defaults() {
        return new BotSettings(Set.of(CONSOLE_ADMIN));
    }
}
