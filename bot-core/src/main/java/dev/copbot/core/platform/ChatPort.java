package dev.copbot.core.platform;

import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import java.util.Optional;

/**
 * What the core asks of a platform. One implementation per adapter (Slack, Discord, console). Implementations let
 * their SDK do retries and rate limits; they throw {@link PlatformException} when the platform refuses.
 */
public interface ChatPort {

    Platform platform();

    /** Posts a reply in a channel, or in a thread of it when {@code thread} is set; returns the new message. */
    MessageId post(ChannelId channel, Optional<MessageId> thread, Reply reply);

    /** Replaces the content of a message the bot posted earlier (announcements whose counts change). */
    void update(MessageId message, Reply reply);

    /** Shows a reply to one user only, in a channel. */
    void postEphemeral(ChannelId channel, UserId user, Reply reply);

    /** Sends a direct message; returns it. */
    MessageId sendDirect(UserId user, Reply reply);

    /** Opens a form (a modal) in answer to an interaction the user just made. */
    void openForm(String interaction, Form form);

    /** A link a person can click to reach the message. */
    Optional<String> permalink(MessageId message);

    /** Whether the user may read the channel right now (members only for private channels and DMs). */
    boolean mayRead(UserId user, ChannelId channel);

    /** The user's display name, time zone and admin flag as the platform reports them, when it knows the user. */
    Optional<Actor> describe(UserId user);
}
