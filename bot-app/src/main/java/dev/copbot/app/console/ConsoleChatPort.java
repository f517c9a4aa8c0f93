package dev.copbot.app.console;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.PlainText;
import dev.copbot.core.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console as a platform: everything the bot would post, DM or update elsewhere is collected here and shown with
 * the reply of the command that caused it. Everyone on the console may read every console channel.
 */
public final class ConsoleChatPort implements ChatPort {
    private final AtomicLong ids = new AtomicLong();
    private final List<Map<String, Object>> outbox = new ArrayList<>();

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public synchronized MessageId post(ChannelId channel, Optional<MessageId> thread, Reply reply) {
        MessageId id = new MessageId(channel, Long.toString(ids.incrementAndGet()));
        record("post", "#" + channel.id(), id, reply);
        return id;
    }

    @Override
    public synchronized void update(MessageId message, Reply reply) {
        record("update", "#" + message.channel().id(), message, reply);
    }

    @Override
    public synchronized void postEphemeral(ChannelId channel, UserId user, Reply reply) {
        record("ephemeral", user.toString(), null, reply);
    }

    @Override
    public synchronized MessageId sendDirect(UserId user, Reply reply) {
        MessageId id = new MessageId(new ChannelId(Platform.CONSOLE, "", "dm-" + user.id()), Long.toString(ids.incrementAndGet()));
        record("dm", user.toString(), id, reply);
        return id;
    }

    @Override
    public synchronized void openForm(String interaction, Form form) {
        outbox.add(Map.of("type", "form", "to", interaction, "text", "(the form \"" + form.title() + "\")"));
    }

    @Override
    public Optional<String> permalink(MessageId message) {
        return Optional.of("console://" + message.channel().id() + "/" + message.id());
    }

    @Override
    public boolean mayRead(UserId user, ChannelId channel) {
        return channel.platform() == Platform.CONSOLE;
    }

    @Override
    public Optional<Actor> describe(UserId user) {
        return user.platform() == Platform.CONSOLE ? Optional.of(Actor.of(user, user.id())) : Optional.empty();
    }

    /** What was sent since the last call, oldest first. */
    public synchronized List<Map<String, Object>> drain() {
        List<Map<String, Object>> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }

    private void record(String type, String to, MessageId id, Reply reply) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", type);
        entry.put("to", to);
        if (id != null) {
            entry.put("message", id.id());
        }
        entry.put("text", PlainText.render(reply));
        outbox.add(entry);
    }
}
