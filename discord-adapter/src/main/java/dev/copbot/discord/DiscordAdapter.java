package dev.copbot.discord;

import dev.copbot.core.CopBot;
import dev.copbot.core.metrics.BotMeters;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.reply.Reply;
import dev.copbot.discord.internal.ApiCallMeter;
import dev.copbot.discord.internal.CommandCatalog;
import dev.copbot.discord.internal.ComponentIds;
import dev.copbot.discord.internal.DiscordChatPort;
import dev.copbot.discord.internal.GatewayListener;
import dev.copbot.discord.internal.GatewaySessionController;
import dev.copbot.discord.internal.InteractionListener;
import dev.copbot.discord.internal.ReplyRenderer;
import dev.copbot.discord.internal.SlashCommands;
import dev.copbot.discord.internal.StartupGate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Discord: a JDA shard manager (one shard for most installs, Discord's recommendation or
 * {@code DISCORD_SHARDS} for large ones), {@code /cop} registered from the core's command specs, interactions and
 * gateway events handed to the core, and the core's {@code ChatPort} registered. Close it to disconnect.
 */
public final class DiscordAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

    /**
     * Only what the features need. MESSAGE_CONTENT (privileged) to index community channels; GUILD_MEMBERS
     * (privileged) to see members leave; GUILD_MESSAGES and GUILD_MESSAGE_REACTIONS for messages, threads, forum
     * posts and reactions. Interactions need no intent.
     */
    public static final Set<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.MESSAGE_CONTENT, GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.GUILD_MEMBERS);

    private final ShardManager discord;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    private DiscordAdapter(ShardManager discord, ExecutorService workers, ScheduledExecutorService timer) {
        this.discord = discord;
        this.workers = workers;
        this.timer = timer;
    }

    /**
     * Connects with the real core: every inbound event goes to {@link CopBot#handle}, and a recreated session
     * backfills from {@link CopBot#lastMessageId}.
     */
    public static DiscordAdapter start(CopBot bot, DiscordSettings settings) throws InterruptedException {
        return start(bot, BotMeters.around(Platform.DISCORD, bot.router(), bot::handle), settings, bot::lastMessageId);
    }

    /**
     * Connects, registers the commands and the chat port, and returns once every shard is ready. {@code inbound}
     * receives every event (normally {@code bot::handle}). Throws {@link IllegalStateException} with a message that
     * says what to fix when Discord refuses the token or the intents.
     */
    public static DiscordAdapter start(CopBot bot, Function<Inbound, Optional<Reply>> inbound, DiscordSettings settings,
                                       MessageHistory history) throws InterruptedException {
        // Belt and braces: every message request, including any built outside ReplyRenderer, pings no one by default.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "discord-defer");
            t.setDaemon(true);
            return t;
        });
        CommandCatalog catalog = new CommandCatalog(bot.router().specs());
        catalog.skipped().forEach(p -> log.warn("'/cop {}' cannot be a Discord subcommand; it works as text only", p));
        ComponentIds ids = new ComponentIds();
        ReplyRenderer renderer = new ReplyRenderer(ids);
        InteractionListener interactions = new InteractionListener(catalog, renderer, ids, inbound, workers, timer);
        GatewayListener gateway = new GatewayListener(inbound::apply, history::lastMessageId, workers);
        StartupGate gate = new StartupGate();

        RestConfig rest = new RestConfig();
        settings.apiUrl().ifPresent(rest::setBaseUrl);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), INTENTS)
                .setRestConfig(rest)
                .setSessionController(new GatewaySessionController(settings.gatewayUrl()))
                .setCompression(Compression.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .enableCache(CacheFlag.MEMBER_OVERRIDES)
                .setEnableShutdownHook(false)
                .addEventListeners(gate, interactions, gateway, new ApiCallMeter());
        settings.shards().ifPresent(builder::setShardsTotal);

        ShardManager discord;
        try {
            discord = builder.build();
        } catch (InvalidTokenException e) {
            shutdown(workers, timer);
            throw new IllegalStateException("Discord rejected DISCORD_TOKEN. Copy the bot token again from the "
                    + "developer portal (your app → Bot → Reset Token).");
        }
        DiscordAdapter adapter = new DiscordAdapter(discord, workers, timer);
        try {
            gate.expect(discord::getShardsTotal);
            gate.await(60L + 6L * Math.max(1, discord.getShardsTotal()));
            bot.ports().register(new DiscordChatPort(discord, renderer, interactions));
            adapter.register(SlashCommands.cop(catalog), settings.guildId());
        } catch (RuntimeException | InterruptedException e) {
            adapter.close();
            throw e;
        }
        return adapter;
    }

    private void register(SlashCommandData cop, Optional<String> guildId) {
        if (guildId.isPresent()) {
            Guild guild = discord.getGuildById(guildId.get());
            if (guild == null) {
                throw new IllegalStateException("DISCORD_GUILD_ID " + guildId.get() + " is not a server this bot is in. "
                        + "Invite the bot there (see the README's invite link), or unset DISCORD_GUILD_ID to register "
                        + "/cop globally.");
            }
            guild.updateCommands().addCommands(cop).complete();
            log.info("registered /cop in guild {}", guild.getId());
        } else {
            JDA shard = discord.getShardCache().stream().findFirst().orElseThrow();
            shard.updateCommands().addCommands(cop).complete();
            log.info("registered /cop globally (Discord may take up to an hour to show changes)");
        }
    }

    @Override
    public void close() {
        discord.shutdown();
        shutdown(workers, timer);
    }

    private static void shutdown(ExecutorService workers, ScheduledExecutorService timer) {
        timer.shutdownNow();
        workers.shutdown();
    }
}
