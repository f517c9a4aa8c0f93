package dev.copbot.core.command;

import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel named in a command: Slack's {@code <#C123|name>}, Discord's {@code <#123>}, or {@code #name} on the
 * console (the only platform where a bare name is unambiguous). Anything else is a {@link UserError} with an example.
 */
public final class ChannelArgument {
    private static final Pattern ESCAPED = Pattern.compile("<#([A-Za-z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern NAME = Pattern.compile("#?([a-z0-9][a-z0-9._-]{0,79})");

    private ChannelArgument() {}

    /** {@code example} is how the argument is written in this command, e.g. {@code channel:#data-science}. */
    public static Channel parse(UserId asker, String typed, String example) {
        Matcher escaped = ESCAPED.matcher(typed.strip());
        if (escaped.matches()) {
            String label = escaped.group(2) == null || escaped.group(2).isBlank() ? escaped.group(1) : escaped.group(2);
            return new Channel(asker.channel(escaped.group(1)), label, Visibility.PUBLIC);
        }
        Matcher plain = NAME.matcher(typed.strip().toLowerCase(Locale.ROOT));
        if (asker.platform() == Platform.CONSOLE && plain.matches()) {
            return new Channel(new ChannelId(Platform.CONSOLE, "", plain.group(1)), plain.group(1), Visibility.PUBLIC);
        }
        throw new UserError("'" + typed + "' is not a channel I can use. Type # and pick the channel from the list, "
                + "e.g. " + example + ".");
    }
}
