package dev.copbot.discord;

import dev.copbot.core.platform.ChannelId;
import java.util.Optional;

/**
 * What the store already holds of a channel, so a backfill after a recreated gateway session fetches only what was
 * missed. A channel with no stored message is not indexed and is not backfilled.
 */
@FunctionalInterface
public interface MessageHistory {
    Optional<String> lastMessageId(ChannelId channel);

    /** Backfills nothing: for a store that keeps no messages. */
    static MessageHistory none() {
        return channel -> Optional.empty();
    }
}
