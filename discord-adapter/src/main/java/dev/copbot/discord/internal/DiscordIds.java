package dev.copbot.discord.internal;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.attribute.IGuildChannelContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * Scoped core identities for Discord snowflakes: {@code discord:<guild>:<id>}. Direct messages have no guild; they use
 * the scope {@code @me}, as Discord's own links do ({@code discord.com/channels/@me/…}).
 */
public final class DiscordIds {
    public static final String DIRECT_SCOPE = "@me";

    private DiscordIds() {}

    public static String scopeOf(Channel channel) {
        return channel instanceof GuildChannel g ? g.getGuild().getId() : DIRECT_SCOPE;
    }

    public static ChannelId channel(Channel channel) {
        return new ChannelId(Platform.DISCORD, scopeOf(channel), channel.getId());
    }

    public static ChannelId channel(String scope, String channelId) {
        return new ChannelId(Platform.DISCORD, scope, channelId);
    }

    public static UserId user(String scope, User user) {
        return new UserId(Platform.DISCORD, scope, user.getId());
    }

    public static MessageId message(Channel channel, String messageId) {
        return new MessageId(channel(channel), messageId);
    }

    /** The channel (or thread) a core id names, when this connection can see it. */
    public static GuildChannel find(IGuildChannelContainer<?> container, ChannelId id) {
        requireDiscord(id.platform());
        return container.getGuildChannelById(id.id());
    }

    public static void requireDiscord(Platform platform) {
        if (platform != Platform.DISCORD) {
            throw new IllegalArgumentException("not a Discord id: " + platform.key());
        }
    }
}
