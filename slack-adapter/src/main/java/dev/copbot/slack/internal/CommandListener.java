package dev.copbot.slack.internal;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound.CommandInvoked;
import dev.copbot.core.reply.Reply;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash command (the manifest names it {@code /cop}; any command name of this app is accepted, so a staging app
 * may call it {@code /cop-staging}). A command answered within the budget is answered in the acknowledgement itself;
 * a slower one is acknowledged at once and answered through the response URL when it is done, so Slack's 3-second
 * limit is never missed. Searches and expert lookups always take the second path, and so do replies with pictures: those
 * are uploaded first, and only the response URL tells whether Slack took them.
 */
final class CommandListener {
    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);
    /** Commands that query the index or rank people: acknowledged at once, always answered through the response URL. */
    static final Set<String> ALWAYS_LATER = Set.of("search", "experts", "ask");

    private final Replies replies;
    private final ExecutorService executor;
    private final Duration budget;

    CommandListener(Replies replies, ExecutorService executor, Duration budget) {
        this.replies = replies;
        this.executor = executor;
        this.budget = budget;
    }

    void register(App app) {
        app.command(Pattern.compile("^/.+$"), this::handle);
    }

    private Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload p = request.getPayload();
        try {
            SlackIds.channel(p.getTeamId(), p.getChannelId());
            SlackIds.user(p.getTeamId(), p.getUserId());
        } catch (RuntimeException e) {
            return MalformedRequests.answer("slash command without a valid team, channel and user", e);
        }
        CompletableFuture<Optional<Reply>> work = CompletableFuture.supplyAsync(() -> run(p), executor);
        if (ALWAYS_LATER.contains(firstWord(p.getText()))) {
            work.thenAccept(reply -> reply.ifPresent(r -> respondLater(ctx, r)));
            return ctx.ack();
        }
        try {
            Optional<Reply> reply = work.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.isPresent() && ImageUploads.hasImages(reply.get())) {
                executor.execute(() -> respondLater(ctx, reply.get()));
                return ctx.ack();
            }
            return reply.map(r -> ctx.ack(Replies.slashResponse(r))).orElseGet(ctx::ack);
        } catch (TimeoutException slow) {
            work.thenAccept(reply -> reply.ifPresent(r -> respondLater(ctx, r)));
            return ctx.ack();
        } catch (Exception e) {
            Reply failed = replies.safely("/cop " + p.getText(), () -> {
                throw new IllegalStateException(e);
            });
            return ctx.ack(Replies.slashResponse(failed));
        }
    }

    private static String firstWord(String text) {
        String t = text == null ? "" : text.strip();
        int space = t.indexOf(' ');
        return (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    /** The core's answer, or empty when it was a form that is now open. */
    private Optional<Reply> run(SlashCommandPayload p) {
        ChannelId channel = SlackIds.channel(p.getTeamId(), p.getChannelId());
        Optional<String> trigger = Optional.ofNullable(p.getTriggerId());
        Reply reply = replies.safely("/cop " + p.getText(), () -> {
            Actor actor = replies.actor(SlackIds.user(p.getTeamId(), p.getUserId()), p.getUserName());
            return replies.handle(new CommandInvoked(actor, channel, Optional.empty(), p.getText(), trigger)).orElseThrow();
        });
        return replies.openFormIfAny(reply, trigger, channel);
    }

    private void respondLater(SlashCommandContext ctx, Reply reply) {
        try {
            var sent = replies.respondToCommand(reply, ctx::respond);
            if (sent.getCode() != 200) {
                log.warn("Slack refused a delayed command answer: {} {}", sent.getCode(), sent.getBody());
            }
        } catch (Exception e) {
            log.warn("could not deliver a delayed command answer: {}", e.getMessage());
        }
    }
}
