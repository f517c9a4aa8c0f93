package dev.copbot.core.platform;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a platform can tell the core. Adapters translate their payloads into one of these and hand it to
 * {@code CopBot}; nothing Slack- or Discord-shaped crosses this line.
 */
public sealed interface Inbound {

    /**
     * Someone ran {@code /cop …}. {@code text} is everything after {@code /cop}. {@code thread} is set when the command
     * was run inside a thread. {@code interaction} is the adapter's opaque handle for answering this very interaction
     * later (Slack's trigger id or response URL, Discord's interaction token), e.g. to open a form.
     */
    record CommandInvoked(Actor actor, ChannelId channel, Optional<MessageId> thread, String text,
                          Optional<String> interaction) implements Inbound {
        public CommandInvoked {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(channel, "channel");
            thread = thread == null ? Optional.empty() : thread;
            text = text == null ? "" : text;
            interaction = interaction == null ? Optional.empty() : interaction;
        }

        public static CommandInvoked of(Actor actor, ChannelId channel, String text) {
            return new CommandInvoked(actor, channel, Optional.empty(), text, Optional.empty());
        }
    }

    /** A button of one of our replies was clicked: {@code action} and {@code value} are what the core put on it. */
    record ButtonClicked(Actor actor, MessageId message, String action, String value,
                         Optional<String> interaction) implements Inbound {
        public ButtonClicked {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            value = value == null ? "" : value;
            interaction = interaction == null ? Optional.empty() : interaction;
        }
    }

    /** A form the core opened was submitted; {@code values} maps each input's id to what was typed or chosen. */
    record FormSubmitted(Actor actor, String formId, Map<String, String> values, String context) implements Inbound {
        public FormSubmitted {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(formId, "formId");
            values = Map.copyOf(values);
            context = context == null ? "" : context;
        }
    }

    /**
     * A message was posted (or found by a backfill or an import). {@code channel} carries the name and visibility the
     * platform reports, so access rules follow the platform's truth.
     */
    record MessagePosted(Message message, Channel channel) implements Inbound {
        public MessagePosted {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(channel, "channel");
            if (!channel.id().equals(message.channel())) {
                throw new IllegalArgumentException("message " + message.id() + " is not in channel " + channel.id());
            }
        }
    }

    record MessageEdited(MessageId message, String newText, Instant editedAt) implements Inbound {
        public MessageEdited {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(editedAt, "editedAt");
            newText = newText == null ? "" : newText;
        }
    }

    record MessageDeleted(MessageId message, Instant deletedAt) implements Inbound {
        public MessageDeleted {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(deletedAt, "deletedAt");
        }
    }

    record ReactionAdded(Reaction reaction, Instant at) implements Inbound {
        public ReactionAdded {
            Objects.requireNonNull(reaction, "reaction");
            Objects.requireNonNull(at, "at");
        }
    }

    record ReactionRemoved(Reaction reaction, Instant at) implements Inbound {
        public ReactionRemoved {
            Objects.requireNonNull(reaction, "reaction");
            Objects.requireNonNull(at, "at");
        }
    }

    record MemberJoinedChannel(Channel channel, UserId user, Instant at) implements Inbound {
        public MemberJoinedChannel {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(at, "at");
        }
    }

    record MemberLeftChannel(Channel channel, UserId user, Instant at) implements Inbound {
        public MemberLeftChannel {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A person left the workspace or server (Slack: account deactivated; Discord: left or was removed from the guild):
     * whatever they opened with the bot, such as dashboard sessions, must close.
     */
    record MemberLeftWorkspace(UserId user, Instant at) implements Inbound {
        public MemberLeftWorkspace {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A channel (or Discord thread) was deleted: its messages leave the store and the index. */
    record ChannelRemoved(ChannelId channel, Instant at) implements Inbound {
        public ChannelRemoved {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The bot was removed from a workspace or guild (Slack app_uninstalled/tokens_revoked, Discord guild leave):
     * everything of that workspace is purged.
     */
    record WorkspaceRemoved(Platform platform, String scope, Instant at) implements Inbound {
        public WorkspaceRemoved {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(at, "at");
        }
    }
}
