package dev.copbot.discord.internal;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.PlatformException;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's outbound port on Discord. Calls block on JDA's REST queue (the core calls ports from worker threads),
 * and JDA keeps each route's rate-limit bucket: nothing here retries by hand, except a message whose pictures Discord
 * refuses, sent again with their alt text.
 */
public final class DiscordChatPort implements ChatPort {
    private static final Logger log = LoggerFactory.getLogger(DiscordChatPort.class);
    private static final Set<ErrorResponse> REFUSED_FILES = EnumSet.of(ErrorResponse.MISSING_PERMISSIONS,
            ErrorResponse.REQUEST_ENTITY_TOO_LARGE, ErrorResponse.FILE_UPLOAD_MAX_SIZE_EXCEEDED,
            ErrorResponse.INVALID_FILE_UPLOADED);
    private final ShardManager discord;
    private final ReplyRenderer renderer;
    private final InteractionListener interactions;

    public DiscordChatPort(ShardManager discord, ReplyRenderer renderer, InteractionListener interactions) {
        this.discord = discord;
        this.renderer = renderer;
        this.interactions = interactions;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public MessageId post(ChannelId channel, Optional<MessageId> thread, Reply reply) {
        GuildMessageChannel target = messageChannel(channel);
        return call("post in #" + target.getName(), () -> withPicturesIfAllowed(reply, message -> {
            if (thread.isPresent()) {
                ThreadChannel inThread = discord.getThreadChannelById(thread.get().id());
                if (inThread != null) {
                    return DiscordIds.message(inThread, inThread.sendMessage(message).complete().getId());
                }
                return DiscordIds.message(target, target.sendMessage(message)
                        .setMessageReference(thread.get().id()).complete().getId());
            }
            return DiscordIds.message(target, target.sendMessage(message).complete().getId());
        }));
    }

    @Override
    public void update(MessageId message, Reply reply) {
        GuildMessageChannel target = messageChannel(message.channel());
        call("update a message", () -> withPicturesIfAllowed(reply, data -> target.editMessageById(message.id(),
                MessageEditData.fromCreateData(data)).complete()));
    }

    /** Discord shows ephemeral messages only in answer to an interaction; elsewhere the person gets a DM. */
    @Override
    public void postEphemeral(ChannelId channel, UserId user, Reply reply) {
        sendDirect(user, reply);
    }

    @Override
    public MessageId sendDirect(UserId user, Reply reply) {
        DiscordIds.requireDiscord(user.platform());
        return call("send a direct message", () -> {
            PrivateChannel dm = discord.retrieveUserById(user.id()).complete().openPrivateChannel().complete();
            return withPicturesIfAllowed(reply, message -> DiscordIds.message(dm, dm.sendMessage(message).complete().getId()));
        });
    }

    @Override
    public void openForm(String interaction, Form form) {
        boolean opened = interactions.pending(interaction).map(p -> p.openForm(form)).orElse(false);
        if (!opened) {
            throw new PlatformException("A form can only open right after a command or a click. Run the command again.");
        }
    }

    @Override
    public Optional<String> permalink(MessageId message) {
        DiscordIds.requireDiscord(message.channel().platform());
        return Optional.of("https://discord.com/channels/" + message.channel().scope() + "/" + message.channel().id()
                + "/" + message.id());
    }

    /** VIEW_CHANNEL and READ_MESSAGE_HISTORY after overwrites; a private thread also needs membership (or Manage Threads). */
    @Override
    public boolean mayRead(UserId user, ChannelId channel) {
        if (user.platform() != Platform.DISCORD || !channel.sameScope(user)) {
            return false;
        }
        Guild guild = discord.getGuildById(channel.scope());
        GuildChannel target = guild == null ? null : guild.getGuildChannelById(channel.id());
        Optional<Member> member = target == null ? Optional.empty() : member(guild, user);
        if (member.isEmpty()) {
            return false;
        }
        GuildChannel governing = target instanceof ThreadChannel t ? t.getParentChannel() : target;
        if (!member.get().hasPermission(governing, Permission.VIEW_CHANNEL, Permission.MESSAGE_HISTORY)) {
            return false;
        }
        if (target instanceof ThreadChannel t && !t.isPublic()
                && !member.get().hasPermission(governing, Permission.MANAGE_THREADS)) {
            return call("check thread membership", () -> isThreadMember(t, user.id()));
        }
        return true;
    }

    @Override
    public Optional<Actor> describe(UserId user) {
        if (user.platform() != Platform.DISCORD) {
            return Optional.empty();
        }
        Guild guild = discord.getGuildById(user.scope());
        if (guild != null) {
            return member(guild, user).map(m -> Actors.of(guild.getId(), m.getUser(), m));
        }
        try {
            return Optional.of(Actors.of(user.scope(), discord.retrieveUserById(user.id()).complete(), null));
        } catch (ErrorResponseException e) {
            return Optional.empty();
        }
    }

    private Optional<Member> member(Guild guild, UserId user) {
        try {
            return Optional.of(guild.retrieveMemberById(user.id()).complete());
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER) {
                return Optional.empty();
            }
            throw new PlatformException("Discord could not look up a member: " + e.getMeaning(), e);
        }
    }

    private static boolean isThreadMember(ThreadChannel thread, String userId) {
        try {
            thread.retrieveThreadMemberById(userId).complete();
            return true;
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER) {
                return false;
            }
            throw e;
        }
    }

    private GuildMessageChannel messageChannel(ChannelId id) {
        DiscordIds.requireDiscord(id.platform());
        GuildMessageChannel channel = discord.getChannelById(GuildMessageChannel.class, id.id());
        if (channel == null) {
            throw new PlatformException("The bot cannot see the Discord channel " + id.id()
                    + ": it was deleted, or the bot lacks View Channel there.");
        }
        return channel;
    }

    /**
     * Sends the reply with its pictures attached; when Discord refuses the files (no Attach Files permission in the
     * channel, or too large), sends it once more with their alt text instead, so the reply still goes out.
     */
    private <T> T withPicturesIfAllowed(Reply reply, Function<MessageCreateData, T> send) {
        MessageCreateData message = renderer.message(reply);
        try {
            return send.apply(message);
        } catch (ErrorResponseException e) {
            if (message.getFiles().isEmpty() || !REFUSED_FILES.contains(e.getErrorResponse())) {
                throw e;
            }
            log.warn("Discord refused the pictures of a message ({}); sending their alt text instead", e.getMeaning());
            return send.apply(renderer.withoutPictures(reply));
        }
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ErrorResponseException e) {
            throw new PlatformException("Discord refused to " + what + ": " + e.getMeaning(), e);
        }
    }
}
