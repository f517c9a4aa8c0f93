package dev.copbot.discord.internal;

import dev.copbot.core.platform.Actor;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;

/** Discord people as core actors: Manage Server (or Administrator, which implies it) makes a guild admin. */
final class Actors {
    private Actors() {}

    static Actor of(String scope, User user, Member member) {
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        boolean admin = member != null && member.hasPermission(Permission.MANAGE_SERVER);
        return new Actor(DiscordIds.user(scope, user), name, Optional.empty(), admin);
    }
}
