package dev.copbot.core.platform;

import java.util.Objects;

/** A message: its channel and its platform id (Slack's {@code ts}, Discord's snowflake). */
public record MessageId(ChannelId channel, String id) {
    public MessageId {
        Objects.requireNonNull(channel, "channel");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("message id is missing");
        }
    }

    @Override
    public String toString() {
        return channel + "/" + id;
    }
}
