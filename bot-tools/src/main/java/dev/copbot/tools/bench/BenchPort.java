package dev.copbot.tools.bench;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A Slack that takes every post and DM at once and counts them: the benchmark times the bot, not a network. */
final class BenchPort implements ChatPort {
    private final AtomicLong sent = new AtomicLong();

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public MessageId post(ChannelId channel, Optional<MessageId> thread, Reply reply) {
        return new MessageId(channel, "9" + sent.incrementAndGet() + ".000000");
    }

    @Override
    public void update(MessageId message, Reply reply) {
        sent.incrementAndGet();
    }

    @Override
    public void postEphemeral(ChannelId channel, UserId user, Reply reply) {
        sent.incrementAndGet();
    }

    @Override
    public MessageId sendDirect(UserId user, Reply reply) {
        return new MessageId(new ChannelId(Platform.SLACK, user.scope(), "D" + user.id()), "9" + sent.incrementAndGet() + ".000000");
    }

    @Override
    public void openForm(String interaction, Form form) {
        sent.incrementAndGet();
    }

    @Override
    public Optional<String> permalink(MessageId message) {
        return Optional.of("https://bench.slack.com/archives/" + message.channel().id() + "/p" + message.id().replace(".", ""));
    }

    @Override
    public boolean mayRead(UserId user, ChannelId channel) {
        return true;
    }

    @Override
    public Optional<Actor> describe(UserId user) {
        return Optional.empty();
    }

    long sent() {
        return sent.get();
    }
}
