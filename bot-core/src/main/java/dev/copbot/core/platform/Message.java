package dev.copbot.core.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as posted. {@code threadParent} is the root of the thread it replies in (Slack's {@code thread_ts}, a
 * Discord thread's starter or a reply reference); empty for a root message.
 */
public record Message(MessageId id, UserId author, String text, Instant postedAt, Optional<MessageId> threadParent) {
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(postedAt, "postedAt");
        text = text == null ? "" : text;
        threadParent = threadParent == null ? Optional.empty() : threadParent;
    }

    public ChannelId channel() {
        return id.channel();
    }

    /** The thread this message belongs to: its parent's, or its own when it is a root. */
    public MessageId threadRoot() {
        return threadParent.orElse(id);
    }
}
