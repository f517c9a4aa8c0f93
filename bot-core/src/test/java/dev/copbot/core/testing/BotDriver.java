package dev.copbot.core.testing;

import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import java.util.Optional;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound.CommandInvoked;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.PlainText;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs commands against a real {@link CopBot} as named console users, the way the console does. */
public final class BotDriver {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final ChannelId CONSOLE = ChannelId.parse("console:console");

    private final CopBot bot;

    public BotDriver(Database db) {
        this(db, BotSettings.defaults(), CLOCK, new ChatPorts());
    }

    /** On another search backend (the OpenSearch one, in that module's tests). */
    public BotDriver(Database db, SearchBackend index) {
        this.bot = new CopBot(db, index, BotSettings.defaults(), CLOCK, new ChatPorts());
    }

    /** With other settings, a driven clock (e.g. {@link TestClock}) or ports that record what the bot sends. */
    public BotDriver(Database db, BotSettings settings, Clock clock, ChatPorts ports) {
        this.bot = new CopBot(db, settings, clock, ports);
    }

    public CopBot bot() {
        return bot;
    }

    public Reply as(String user, String command) {
        UserId id = user.contains(":") ? UserId.parse(user) : UserId.console(user);
        return bot.run(CommandInvoked.of(Actor.of(id, id.id()), CONSOLE, command));
    }

    /** Runs as a platform user, e.g. a Slack workspace admin ({@code platformAdmin}). */
    public Reply as(Actor actor, String command) {
        return bot.run(CommandInvoked.of(actor, actor.id().channel("C0001"), command));
    }

    /** A message as a platform would report it; {@code parent} is the thread root's id for a reply. */
    public void post(Channel channel, String id, String user, String text, String parent, Instant at) {
        UserId author = UserId.parse(user);
        Message m = new Message(new MessageId(channel.id(), id), author, text, at,
                parent == null ? Optional.empty() : Optional.of(new MessageId(channel.id(), parent)));
        bot.handle(new Inbound.MessagePosted(m, channel));
    }

    /** A channel outside any community that an admin enabled for indexing (as an import does). */
    public void indexChannel(Channel channel, Instant at) {
        bot.discussions().store().channels().upsert(channel, at);
        bot.discussions().store().channels().setIndexed(channel.id(), true);
    }

    public Reply admin(String command) {
        return as("admin", command);
    }

    public static String text(Reply reply) {
        return PlainText.render(reply);
    }
}
