package dev.copbot.core.people;

import dev.copbot.core.command.UserError;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person typed to name someone into an identity in the asker's own workspace or guild: Slack's
 * {@code <@U0456>} or {@code <@U0456|bob>}, Discord's {@code <@123>} or {@code <@!123>}, a full scoped id, or
 * {@code @name} (a console user, or a display name the bot has seen).
 */
public final class Mentions {
    private static final Pattern ESCAPED = Pattern.compile("<@!?([A-Za-z0-9]+)(?:\\|[^>]*)?>");

    private final UserDirectory users;

    public Mentions(UserDirectory users) {
        this.users = users;
    }

    public UserId resolve(UserId asker, String typed) {
        String t = typed.strip();
        Matcher m = ESCAPED.matcher(t);
        if (m.matches()) {
            return asker.sibling(m.group(1));
        }
        if (t.matches("(slack|discord|console):.*")) {
            UserId id;
            try {
                id = UserId.parse(t);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage() + ".");
            }
            if (!id.sameScope(asker) && asker.platform() != Platform.CONSOLE) {
                throw UserError.refused("'" + t + "' belongs to another workspace or server; name someone from yours.");
            }
            return id;
        }
        String name = t.startsWith("@") ? t.substring(1) : t;
        if (name.isEmpty()) {
            throw new UserError("Name a person after the @, e.g. @alice.");
        }
        if (asker.platform() == Platform.CONSOLE) {
            try {
                return UserId.console(name);
            } catch (IllegalArgumentException e) {
                throw new UserError("'" + typed + "' is not a valid console user name (letters, digits, . _ @ -).");
            }
        }
        List<UserId> found = users.findByName(asker, name);
        if (found.size() == 1) {
            return found.get(0);
        }
        throw new UserError(found.isEmpty()
                ? "I don't know anyone called '" + typed + "' here. Mention them with @ and pick them from the list, "
                        + "so your client sends their id."
                : "More than one person is called '" + typed + "'. Mention them with @ and pick the right one.");
    }
}
