package dev.copbot.slack.internal;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons ({@code block_actions}) and modal submissions ({@code view_submission}) routed to the core. A click is
 * acknowledged at once and answered through its response URL (or, from the App Home, by direct message). A refused
 * submission keeps the modal open with the errors next to the inputs.
 */
final class InteractionListener {
    private static final Logger log = LoggerFactory.getLogger(InteractionListener.class);

    private final Replies replies;
    private final ExecutorService executor;

    InteractionListener(Replies replies, ExecutorService executor) {
        this.replies = replies;
        this.executor = executor;
    }

    void register(App app) {
        app.blockAction(Pattern.compile(".+"), this::clicked);
        app.viewSubmission(Pattern.compile(".+"), this::submitted);
    }

    private Response clicked(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload p = request.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return ctx.ack();
        }
        try {
            SlackIds.user(p.getTeam().getId(), p.getUser().getId());
            Optional.ofNullable(p.getChannel()).map(c -> SlackIds.channel(p.getTeam().getId(), c.getId()));
            Objects.requireNonNull(p.getActions().get(0).getActionId(), "action_id");
        } catch (RuntimeException e) {
            return MalformedRequests.answer("button click without a valid team, user, channel or action", e);
        }
        executor.execute(() -> click(p, ctx));
        return ctx.ack();
    }

    private void click(BlockActionPayload p, ActionContext ctx) {
        String team = p.getTeam().getId();
        UserId user = SlackIds.user(team, p.getUser().getId());
        BlockActionPayload.Action action = p.getActions().get(0);
        Optional<String> trigger = Optional.ofNullable(p.getTriggerId());
        try {
            Optional<ChannelId> channel = Optional.ofNullable(p.getChannel()).map(c -> SlackIds.channel(team, c.getId()));
            boolean fromHome = channel.isEmpty();
            // The App Home has no channel: answer in the person's direct messages with the bot instead.
            ChannelId where = channel.orElseGet(() -> replies.port().directChannel(user));
            String messageTs = p.getContainer() != null && p.getContainer().getMessageTs() != null
                    ? p.getContainer().getMessageTs() : Optional.ofNullable(p.getView()).map(v -> v.getId()).orElse("home");
            Reply reply = replies.safely("button " + action.getActionId(), () -> {
                Actor actor = replies.actor(user, p.getUser().getUsername());
                return replies.handle(new Inbound.ButtonClicked(actor, new MessageId(where, messageTs),
                        BlockKit.coreAction(action.getActionId()), action.getValue(), trigger)).orElse(null);
            });
            if (reply == null) {
                return;
            }
            Optional<Reply> rest = replies.openFormIfAny(reply, trigger, where);
            if (rest.isEmpty()) {
                return;
            }
            if (fromHome || p.getResponseUrl() == null) {
                replies.port().post(where, Optional.empty(), rest.get());
            } else {
                replies.respondToAction(rest.get(), ctx::respond);
            }
        } catch (Exception e) {
            log.warn("could not answer a click on {}: {}", action.getActionId(), e.getMessage());
        }
    }

    private Response submitted(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        String team;
        UserId user;
        Modals.Metadata meta;
        Map<String, String> values;
        try {
            team = p.getTeam().getId();
            user = SlackIds.user(team, p.getUser().getId());
            meta = Modals.metadata(p.getView().getPrivateMetadata());
            values = Modals.values(p.getView().getState());
            if (meta.channel() != null) {
                SlackIds.channel(team, meta.channel());
            }
        } catch (RuntimeException e) {
            return MalformedRequests.answer("form submission without a valid team, user or view", e);
        }
        Reply reply = replies.safely("form " + p.getView().getCallbackId(), () -> {
            Actor actor = replies.actor(user, p.getUser().getUsername());
            return replies.handle(new Inbound.FormSubmitted(actor, p.getView().getCallbackId(), values,
                    meta.context())).orElse(null);
        });
        if (reply == null) {
            return ctx.ack();
        }
        if (!reply.ok()) {
            return ctx.ackWithErrors(errors(reply, values.keySet().stream().findFirst()));
        }
        executor.execute(() -> {
            try {
                if (meta.channel() != null) {
                    ChannelId channel = SlackIds.channel(team, meta.channel());
                    if (reply.ephemeral()) {
                        replies.port().postEphemeral(channel, user, reply);
                    } else {
                        replies.port().post(channel, Optional.empty(), reply);
                    }
                } else {
                    replies.port().sendDirect(user, reply);
                }
            } catch (RuntimeException e) {
                log.warn("could not post the answer to form {}: {}", p.getView().getCallbackId(), e.getMessage());
            }
        });
        return ctx.ack();
    }

    /** The core's per-input errors, or its whole message against the first input when it named none. */
    @SuppressWarnings("unchecked")
    static Map<String, String> errors(Reply reply, Optional<String> firstInput) {
        Map<String, String> out = new LinkedHashMap<>();
        if (reply.data().get(Reply.FIELD_ERRORS) instanceof Map<?, ?> fields) {
            fields.forEach((k, v) -> out.put(String.valueOf(k), SlackText.limit(String.valueOf(v), 150)));
        }
        if (out.isEmpty()) {
            out.put(firstInput.orElse("form"), SlackText.limit(reply.text(), 150));
        }
        return out;
    }

}
