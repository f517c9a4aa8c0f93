package dev.copbot.core.platform;

import java.util.Objects;

/** An emoji reaction by a user on a message. {@code emoji} is the platform-neutral name, e.g. {@code white_check_mark}. */
public record Reaction(MessageId message, UserId user, String emoji) {
    public Reaction {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(emoji, "emoji");
    }
}
