package dev.copbot.core.community;

import dev.copbot.core.command.UserError;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.UserId;
import java.util.List;

/** Who may steer a community: its leaders, and the bot's admins. */
public final class Leaders {
    private Leaders() {}

    /** Refuses, naming the leaders, unless {@code who} leads {@code c} or is an admin; {@code action} ends the sentence. */
    public static void require(CommunityStore store, UserDirectory users, Community c, UserId who, boolean admin,
                               String action) {
        if (admin || store.hasRole(c.name(), who, Role.LEADER)) {
            return;
        }
        List<String> leaders = store.withRole(c.name(), Role.LEADER).stream().map(users::displayName).toList();
        throw UserError.refused("Only leaders of " + c.name() + " (" + String.join(", ", leaders) + ") and admins can "
                + action + ".");
    }
}
