package dev.copbot.slack.internal;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import dev.copbot.core.CopBot;
import dev.copbot.core.metrics.BotMeters;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.PlatformException;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shared by the listeners: who is asking, running the core safely, opening forms, and reply shapes for Slack. */
final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private final CopBot bot;
    private final SlackChatPort port;
    private final Function<Inbound, Optional<Reply>> core;

    Replies(CopBot bot, SlackChatPort port) {
        this.bot = bot;
        this.port = port;
        this.core = BotMeters.around(Platform.SLACK, bot.router(), bot::handle);
    }

    /** The core's {@code handle}, with commands timed and messages counted ({@code BotMeters}). */
    Optional<Reply> handle(Inbound event) {
        return core.apply(event);
    }

    CopBot bot() {
        return bot;
    }

    SlackChatPort port() {
        return port;
    }

    /** The asker with Slack's profile (name, time zone, admin flag); just the id and handle when Slack cannot say. */
    Actor actor(UserId user, String handle) {
        return port.describe(user).orElseGet(() -> Actor.of(user, handle));
    }

    /** Runs core work; a failure becomes a polite reply with a reference for the logs, never a stack trace. */
    Reply safely(String what, Supplier<Reply> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("{} failed (reference {})", what, reference, e);
            return Reply.ourFault("", reference, "Please try again in a moment.");
        }
    }

    /**
     * Opens the reply's form with the interaction's trigger id. Returns the reply still to show: none when the form
     * opened, an explanation when Slack refused (an expired trigger, say).
     */
    Optional<Reply> openFormIfAny(Reply reply, Optional<String> triggerId, ChannelId channel) {
        if (reply.form().isEmpty()) {
            return Optional.of(reply);
        }
        if (triggerId.isEmpty()) {
            return Optional.of(reply);
        }
        try {
            port.rememberFormChannel(triggerId.get(), channel);
            port.openForm(triggerId.get(), reply.form().get());
            return Optional.empty();
        } catch (PlatformException e) {
            log.warn("could not open form {}: {}", reply.form().get().id(), e.getMessage());
            return Optional.of(Reply.error("I could not open the form (" + e.getMessage()
                    + "). Please run the command again."));
        }
    }

    /**
     * Answers a slash command through its response URL, the reply's pictures uploaded first; when Slack refuses those,
     * once more with their alt text (only the response URL's answer tells). Returns what Slack answered.
     */
    WebhookResponse respondToCommand(Reply reply, ResponseUrl<SlashCommandResponse> url) {
        return port.images().send(reply, blocks -> send(url, slashResponse(reply, blocks)), Replies::refusedBlocks);
    }

    /** The same for a button click: a new message, the clicked one stays. */
    WebhookResponse respondToAction(Reply reply, ResponseUrl<ActionResponse> url) {
        return port.images().send(reply, blocks -> send(url, actionResponse(reply, blocks)), Replies::refusedBlocks);
    }

    /** Bolt's {@code ctx::respond}. */
    interface ResponseUrl<T> {
        WebhookResponse respond(T response) throws IOException;
    }

    /** The answer inside a slash command's acknowledgement, which has no way to upload pictures first. */
    static SlashCommandResponse slashResponse(Reply reply) {
        return slashResponse(reply, BlockKit.blocks(reply, Map.of()));
    }

    private static SlashCommandResponse slashResponse(Reply reply, List<LayoutBlock> blocks) {
        return SlashCommandResponse.builder().responseType(reply.ephemeral() ? "ephemeral" : "in_channel")
                .text(BlockKit.fallback(reply)).blocks(blocks).build();
    }

    private static ActionResponse actionResponse(Reply reply, List<LayoutBlock> blocks) {
        return ActionResponse.builder().responseType(reply.ephemeral() ? "ephemeral" : "in_channel")
                .replaceOriginal(false).text(BlockKit.fallback(reply)).blocks(blocks).build();
    }

    private static boolean refusedBlocks(WebhookResponse r) {
        return r.getCode() != 200 && r.getBody() != null && r.getBody().contains("invalid_blocks");
    }

    private static <T> WebhookResponse send(ResponseUrl<T> url, T response) {
        try {
            return url.respond(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
