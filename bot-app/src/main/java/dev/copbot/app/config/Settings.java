package dev.copbot.app.config;

import dev.copbot.core.BotSettings;
import dev.copbot.core.command.RateLimits;
import dev.copbot.core.expertise.AskExperts;
import dev.copbot.core.kudos.KudosSettings;
import dev.copbot.core.life.CommunityLife;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.DatabaseSettings;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the process runs with, after the config file, the environment and the command line have been merged
 * (in that order, the later winning). {@link #toString()} never shows the password.
 */
public record Settings(Path dataDir, Optional<String> databaseUrl, Optional<String> databaseUser,
                       Optional<String> databasePassword, Set<UserId> admins, int httpPort, Optional<Path> configFile,
                       AskExperts.Settings ask, KudosSettings kudos, CommunityLife.Settings life, RateLimits limits,
                       Optional<String> publicUrl, SearchSettings search) {

    public DatabaseSettings database() {
        return new DatabaseSettings(dataDir, databaseUrl, databaseUser, databasePassword, Optional.empty());
    }

    public BotSettings bot() {
        return new BotSettings(new LinkedHashSet<>(admins), ask, kudos, life).withLimits(limits).withPublicUrl(publicUrl);
    }

    /** The same settings with the bot reached at {@code url} (the console's local dashboard). */
    public Settings withPublicUrl(String url) {
        return new Settings(dataDir, databaseUrl, databaseUser, databasePassword, admins, httpPort, configFile, ask, kudos,
                life, limits, Optional.of(url), search);
    }

    @Override
    public String toString() {
        return "Settings[data=" + dataDir + ", database=" + database().describe() + ", user=" + databaseUser.orElse("-")
                + ", password=" + (databasePassword.isPresent() ? "(set)" : "-") + ", admins=" + admins
                 + ", httpPort=" + httpPort + ", publicUrl=" + publicUrl.orElse("-") + ", " + limits + ", " + kudos + ", " + life + ", " + ask + ", " + search + ", config=" + configFile.map(Path::toString).orElse("(none)") + "]";
    }
}
