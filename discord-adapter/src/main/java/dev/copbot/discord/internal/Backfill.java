package dev.copbot.discord.internal;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a gateway session is recreated (not resumed), Discord does not replay what happened while we were away: fetch
 * what was posted since the last stored message of each indexed channel, oldest first, and hand it to the core like a
 * live message. Channels with no stored message are not indexed and are skipped.
 */
final class Backfill {
    private static final Logger log = LoggerFactory.getLogger(Backfill.class);
    static final int PAGE = 100;
    /** Bounds one channel's catch-up; a longer outage is a job for {@code copbot import discord-export}. */
    static final int MAX_PER_CHANNEL = 10_000;

    private final Function<ChannelId, Optional<String>> lastStored;
    private final Consumer<Inbound> core;

    Backfill(Function<ChannelId, Optional<String>> lastStored, Consumer<Inbound> core) {
        this.lastStored = lastStored;
        this.core = core;
    }

    void run(JDA shard) {
        int total = 0;
        for (Guild guild : shard.getGuilds()) {
            List<GuildMessageChannel> channels = new ArrayList<>(guild.getTextChannels());
            channels.addAll(guild.getNewsChannels());
            channels.addAll(guild.getThreadChannels());
            for (GuildMessageChannel channel : channels) {
                Optional<String> last = lastStored.apply(DiscordIds.channel(channel));
                if (last.isPresent() && guild.getSelfMember().hasPermission(channel, Permission.VIEW_CHANNEL,
                        Permission.MESSAGE_HISTORY)) {
                    total += channel(channel, last.get());
                }
            }
        }
        log.info("backfill after a new gateway session: {} missed messages", total);
    }

    private int channel(GuildMessageChannel channel, String after) {
        ChannelId id = DiscordIds.channel(channel);
        int count = 0;
        try {
            MessageHistory pages = channel.getHistoryAfter(after, PAGE).complete();
            List<Message> page = pages.getRetrievedHistory();
            while (!page.isEmpty() && count < MAX_PER_CHANNEL) {
                for (Message m : page.stream().sorted(Comparator.comparingLong(Message::getIdLong)).toList()) {
                    if (!m.getAuthor().isBot() && !m.getAuthor().isSystem()) {
                        core.accept(GatewayListener.posted(m));
                        count++;
                    }
                }
                page = page.size() < PAGE ? List.of() : pages.retrieveFuture(PAGE).complete();
            }
        } catch (RuntimeException e) {
            log.warn("backfill of {} stopped after {} messages: {}", id, count, e.getMessage());
        }
        return count;
    }
}
