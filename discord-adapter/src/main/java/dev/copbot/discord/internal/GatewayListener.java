package dev.copbot.discord.internal;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.message.react.GenericMessageReactionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens in the guilds, as core events: messages (text channels, threads, forum posts) and their edits and
 * deletions, reactions, members leaving, channels and threads deleted, the bot removed from a guild. Bots' messages
 * (ours included) are not community knowledge and are skipped. One bad event is logged and never stops the next.
 */
public final class GatewayListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(GatewayListener.class);

    private final Consumer<Inbound> core;
    private final Backfill backfill;
    private final ExecutorService workers;

    /** {@code lastStored} is the newest stored message of a channel, where a backfill after a new session starts. */
    public GatewayListener(Consumer<Inbound> core, Function<ChannelId, Optional<String>> lastStored, ExecutorService workers) {
        this.core = event -> {
            try {
                core.accept(event);
            } catch (RuntimeException e) {
                log.error("handling {} failed", event.getClass().getSimpleName(), e);
            }
        };
        this.backfill = new Backfill(lastStored, this.core);
        this.workers = workers;
    }

    static Inbound.MessagePosted posted(net.dv8tion.jda.api.entities.Message m) {
        String scope = DiscordIds.scopeOf(m.getChannel());
        Message message = new Message(DiscordIds.message(m.getChannel(), m.getId()), DiscordIds.user(scope, m.getAuthor()),
                m.getContentRaw(), m.getTimeCreated().toInstant(), Channels.threadRoot(m));
        return new Inbound.MessagePosted(message, Channels.describe(m.getChannel()));
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.getAuthor().isBot() || event.getAuthor().isSystem() || event.isWebhookMessage()) {
            return;
        }
        core.accept(posted(event.getMessage()));
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        if (event.getAuthor().isBot()) {
            return;
        }
        OffsetDateTime edited = event.getMessage().getTimeEdited();
        core.accept(new Inbound.MessageEdited(DiscordIds.message(event.getChannel(), event.getMessageId()),
                event.getMessage().getContentRaw(), edited == null ? Instant.now() : edited.toInstant()));
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        core.accept(new Inbound.MessageDeleted(DiscordIds.message(event.getChannel(), event.getMessageId()), Instant.now()));
    }

    @Override
    public void onMessageBulkDelete(MessageBulkDeleteEvent event) {
        Instant now = Instant.now();
        event.getMessageIds().forEach(id -> core.accept(new Inbound.MessageDeleted(
                DiscordIds.message(event.getChannel(), id), now)));
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        core.accept(new Inbound.ReactionAdded(reaction(event), Instant.now()));
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        core.accept(new Inbound.ReactionRemoved(reaction(event), Instant.now()));
    }

    private static Reaction reaction(GenericMessageReactionEvent event) {
        String scope = DiscordIds.scopeOf(event.getChannel());
        return new Reaction(DiscordIds.message(event.getChannel(), event.getMessageId()),
                new UserId(Platform.DISCORD, scope, event.getUserId()), Emojis.name(event.getEmoji()));
    }

    /** A member who leaves the guild can no longer read any of its channels, and their dashboard sessions close. */
    @Override
    public void onGuildMemberRemove(GuildMemberRemoveEvent event) {
        Instant now = Instant.now();
        var user = DiscordIds.user(event.getGuild().getId(), event.getUser());
        event.getGuild().getTextChannels().forEach(c -> core.accept(new Inbound.MemberLeftChannel(Channels.describe(c),
                user, now)));
        core.accept(new Inbound.MemberLeftWorkspace(user, now));
    }

    @Override
    public void onChannelDelete(ChannelDeleteEvent event) {
        if (event.getChannel() instanceof GuildChannel) {
            core.accept(new Inbound.ChannelRemoved(DiscordIds.channel(event.getChannel()), Instant.now()));
        }
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        core.accept(new Inbound.WorkspaceRemoved(Platform.DISCORD, event.getGuild().getId(), Instant.now()));
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        workers.submit(() -> backfill.run(event.getJDA()));
    }
}
