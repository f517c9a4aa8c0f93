package dev.copbot.core;

import dev.copbot.core.command.RateLimits;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.expertise.AskExperts;
import dev.copbot.core.kudos.KudosSettings;
import dev.copbot.core.life.CommunityLife;
import dev.copbot.core.platform.UserId;
import java.util.Optional;
import java.util.Set;

/**
 * The settings the core itself needs. Admins: listed identities, plus platform admins in their own workspace. The
 * rest are the limits of features: expert DMs and escalation, kudos, and when a community counts as inactive; how
 * search ranks threads (the defaults, except in the benchmark that measures the parts); and how many expensive
 * commands one person may run a minute. {@code publicUrl}: where people reach the bot's HTTP server (calendar feed links).
 */
public record BotSettings(Set<UserId> admins, AskExperts.Settings ask, KudosSettings kudos, CommunityLife.Settings life,
                          Ranking ranking, RateLimits limits, Optional<String> publicUrl) {
    public static final UserId CONSOLE_ADMIN = UserId.console("admin");

    public BotSettings {
        admins = Set.copyOf(admins);
    }

    public BotSettings(Set<UserId> admins, AskExperts.Settings ask, KudosSettings kudos, CommunityLife.Settings life) {
        this(admins, ask, kudos, life, Ranking.defaults(), RateLimits.defaults(), Optional.empty());
    }

    public BotSettings withRanking(Ranking ranking) {
        return new BotSettings(admins, ask, kudos, life, ranking, limits, publicUrl);
    }

    public BotSettings withLimits(RateLimits limits) {
        return new BotSettings(admins, ask, kudos, life, ranking, limits, publicUrl);
    }

    public BotSettings withPublicUrl(Optional<String> publicUrl) {
        return new BotSettings(admins, ask, kudos, life, ranking, limits, publicUrl);
    }

    public BotSettings(Set<UserId> admins) {
        this(admins, AskExperts.Settings.defaults(), KudosSettings.defaults(), CommunityLife.Settings.defaults());
    }

    public static BotSettings defaults() {
        return new BotSettings(Set.of(CONSOLE_ADMIN));
    }
}
