package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.MessageId;
import java.util.Optional;

/**
 * Links to messages: the platform's own answer when connected (Slack's chat.getPermalink), else the address each
 * platform documents: Slack's archive link, Discord's channel URL, a console reference.
 */
public final class Permalinks {
    private final ChatPorts ports;

    public Permalinks(ChatPorts ports) {
        this.ports = ports;
    }

    public String of(MessageId message) {
        Optional<String> fromPlatform = ports.of(message.channel().platform()).flatMap(p -> {
            try {
                return p.permalink(message);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
        return fromPlatform.orElseGet(() -> fallback(message));
    }

    static String fallback(MessageId m) {
        var c = m.channel();
        return switch (c.platform()) {
            case SLACK -> "https://slack.com/archives/" + c.id() + "/p" + m.id().replace(".", "");
            case DISCORD -> "https://discord.com/channels/" + c.scope() + "/" + c.id() + "/" + m.id();
            case CONSOLE -> "console://" + c.id() + "/" + m.id();
        };
    }
}
