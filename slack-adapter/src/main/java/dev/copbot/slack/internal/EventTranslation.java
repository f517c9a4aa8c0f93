package dev.copbot.slack.internal;

import com.slack.api.model.event.MessageEvent;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import java.time.Instant;
import java.util.Optional;

/** A Slack message event as a core message: {@code thread_ts} names the thread root, {@code channel_type} who reads. */
public final class EventTranslation {
    private EventTranslation() {}

    public static Inbound.MessagePosted posted(MessageEvent e, String team) {
        ChannelId channel = SlackIds.channel(team, e.getChannel());
        MessageId id = new MessageId(channel, e.getTs());
        Optional<MessageId> parent = Optional.ofNullable(e.getThreadTs()).filter(t -> !t.equals(e.getTs()))
                .map(t -> new MessageId(channel, t));
        Message message = new Message(id, SlackIds.user(team, e.getUser()), e.getText(),
                SlackIds.instant(e.getTs(), Instant.EPOCH), parent);
        return new Inbound.MessagePosted(message, new Channel(channel, null, SlackIds.visibility(e.getChannelType())));
    }
}
