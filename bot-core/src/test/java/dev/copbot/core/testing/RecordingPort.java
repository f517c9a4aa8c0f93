package dev.copbot.core.testing;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.PlainText;
import dev.copbot.core.reply.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

/** A console-platform port that records what the bot sends, and when (by the bot's clock). */
public final class RecordingPort implements ChatPort {
    public record Sent(String type, String to, Instant at, Reply reply, String messageId) {
        public String text() {
            return PlainText.render(reply);
        }

        @Override
        public String toString() {
            return type + " " + to + " @" + at + ": " + reply.text();
        }
    }

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final List<Sent> sent = new ArrayList<>();
    private volatile BiPredicate<UserId, ChannelId> readable = (u, c) -> true;

    public RecordingPort(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public synchronized MessageId post(ChannelId channel, Optional<MessageId> thread, Reply reply) {
        MessageId id = new MessageId(channel, "m" + ids.incrementAndGet());
        sent.add(new Sent("post", channel.toString(), clock.instant(), reply, id.id()));
        return id;
    }

    @Override
    public synchronized void update(MessageId message, Reply reply) {
        sent.add(new Sent("update", message.channel().toString(), clock.instant(), reply, message.id()));
    }

    @Override
    public synchronized void postEphemeral(ChannelId channel, UserId user, Reply reply) {
        sent.add(new Sent("ephemeral", user.toString(), clock.instant(), reply, null));
    }

    @Override
    public synchronized MessageId sendDirect(UserId user, Reply reply) {
        MessageId id = new MessageId(user.channel("dm-" + user.id()), "d" + ids.incrementAndGet());
        sent.add(new Sent("dm", user.toString(), clock.instant(), reply, id.id()));
        return id;
    }

    @Override
    public void openForm(String interaction, Form form) {
        throw new UnsupportedOperationException("forms come back in the reply");
    }

    @Override
    public Optional<String> permalink(MessageId message) {
        return Optional.of("https://chat.example/" + message.channel().id() + "/" + message.id());
    }

    @Override
    public boolean mayRead(UserId user, ChannelId channel) {
        return readable.test(user, channel);
    }

    /** Who may read which channel from now on (everyone may read everything until this is called). */
    public void readableBy(BiPredicate<UserId, ChannelId> rule) {
        this.readable = rule;
    }

    @Override
    public Optional<Actor> describe(UserId user) {
        return Optional.empty();
    }

    /** Everything sent since the last call. */
    public synchronized List<Sent> drain() {
        List<Sent> out = List.copyOf(sent);
        sent.clear();
        return out;
    }
}
