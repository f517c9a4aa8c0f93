package dev.copbot.discord.internal;

import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Visibility;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;

/** Discord channels as the core sees them: who may read them, and which discussion thread a message belongs to. */
public final class Channels {
    private Channels() {}

    public static dev.copbot.core.platform.Channel describe(Channel channel) {
        return new dev.copbot.core.platform.Channel(DiscordIds.channel(channel), channel.getName(), visibility(channel));
    }

    /** PUBLIC when @everyone can view it (for a thread: its parent, and the thread is not private). */
    public static Visibility visibility(Channel channel) {
        if (!(channel instanceof GuildChannel guildChannel)) {
            return Visibility.DIRECT;
        }
        GuildChannel governing = guildChannel;
        if (channel instanceof ThreadChannel thread) {
            if (!thread.isPublic()) {
                return Visibility.PRIVATE;
            }
            governing = thread.getParentChannel();
        }
        boolean everyone = guildChannel.getGuild().getPublicRole()
                .hasPermission(governing, Permission.VIEW_CHANNEL, Permission.MESSAGE_HISTORY);
        return everyone ? Visibility.PUBLIC : Visibility.PRIVATE;
    }

    /** The message a thread hangs off (in its parent channel), or the thread's own starter. */
    public static MessageId threadRoot(ThreadChannel thread) {
        boolean fromMessage = thread.isPublic() && thread.getParentChannel() instanceof StandardGuildMessageChannel;
        return fromMessage ? DiscordIds.message(thread.getParentChannel(), thread.getId())
                : DiscordIds.message(thread, thread.getId());
    }

    /**
     * The root of the discussion a message belongs to, empty when the message is a root itself. A thread or forum
     * post is one discussion: a public thread of a text channel hangs off the message it was started from (same
     * snowflake, in the parent channel); other threads and forum posts are rooted at their starter (the thread's own
     * id). A reply reference joins the thread of the message it answers.
     */
    public static Optional<MessageId> threadRoot(Message message) {
        Channel channel = message.getChannel();
        if (channel instanceof ThreadChannel thread) {
            MessageId root = threadRoot(thread);
            return root.equals(DiscordIds.message(thread, message.getId())) ? Optional.empty() : Optional.of(root);
        }
        MessageReference reference = message.getMessageReference();
        if (reference == null || !reference.getChannelId().equals(channel.getId())) {
            return Optional.empty();
        }
        Message target = reference.getMessage();
        MessageReference targetsOwn = target == null ? null : target.getMessageReference();
        String rootId = targetsOwn != null && targetsOwn.getChannelId().equals(channel.getId())
                ? targetsOwn.getMessageId() : reference.getMessageId();
        return Optional.of(DiscordIds.message(channel, rootId));
    }
}
