package dev.copbot.core;

import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.expertise.AskExperts;
import dev.copbot.core.kudos.KudosSettings;
import dev.copbot.core.life.CommunityLife;
import dev.copbot.core.platform.UserId;
import java.util.Set;

/**
 * The settings the core itself needs. Admins: listed identities, plus platform admins in their own workspace. The
 * rest are the limits of features: expert DMs and escalation, kudos, and when a community counts as inactive; and
 * how search ranks threads (the defaults, except in the benchmark that measures the parts).
 */
public record BotSettings(Set<UserId> admins, AskExperts.Settings ask, KudosSettings kudos, CommunityLife.Settings life,
                          Ranking ranking) {
    public static final UserId CONSOLE_ADMIN = UserId.console("admin");

    public BotSettings {
        admins = Set.copyOf(admins);
    }

    public BotSettings(Set<UserId> admins, AskExperts.Settings ask, KudosSettings kudos, CommunityLife.Settings life) {
        this(admins, ask, kudos, life, Ranking.defaults());
    }

    public BotSettings withRanking(Ranking ranking) {
        return new BotSettings(admins, ask, kudos, life, ranking);
    }

    public BotSettings(Set<UserId> admins) {
        this(admins, AskExperts.Settings.defaults(), KudosSettings.defaults(), CommunityLife.Settings.defaults());
    }

    public static BotSettings defaults() {
        return new BotSettings(Set.of(CONSOLE_ADMIN));
    }
}
