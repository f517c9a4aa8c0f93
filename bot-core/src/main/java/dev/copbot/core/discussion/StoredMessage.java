package dev.copbot.core.discussion;

import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.List;

/** A message as stored, with the reactions it received. */
public record StoredMessage(MessageId id, String threadRoot, UserId author, String text, Instant postedAt,
                           List<StoredReaction> reactions) {

    public record StoredReaction(UserId user, String emoji) {}

    public boolean isRoot() {
        return id.id().equals(threadRoot);
    }
}
