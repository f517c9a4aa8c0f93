package dev.copbot.discord.internal;

import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One interaction being answered. Discord wants an answer within 3 seconds: the core's reply goes out directly when it
 * is ready in time; otherwise the interaction is deferred and the reply finishes it through the interaction hook. Each
 * interaction is acknowledged exactly once, whichever comes first.
 */
final class PendingInteraction {
    private static final Logger log = LoggerFactory.getLogger(PendingInteraction.class);

    private enum State { PENDING, DEFERRED, DONE }

    private final IReplyCallback event;
    private final ReplyRenderer renderer;
    private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);

    PendingInteraction(IReplyCallback event, ReplyRenderer renderer) {
        this.event = event;
        this.renderer = renderer;
    }

    /** Called when the reply is slow: acknowledges now ("thinking…", only the asker sees it). */
    void deferIfPending() {
        if (state.compareAndSet(State.PENDING, State.DEFERRED)) {
            event.deferReply(true).queue(null, e -> log.warn("deferring interaction failed: {}", e.getMessage()));
        }
    }

    /** Opens a modal; only possible as the first answer to a command or a button click. */
    boolean openForm(Form form) {
        if (!(event instanceof IModalCallback modalCallback) || !state.compareAndSet(State.PENDING, State.DONE)) {
            return false;
        }
        modalCallback.replyModal(renderer.modal(form)).queue(null, e -> log.warn("opening a form failed: {}", e.getMessage()));
        return true;
    }

    void finish(Reply reply) {
        if (reply.form().isPresent() && openForm(reply.form().get())) {
            return;
        }
        MessageCreateData message = renderer.message(reply);
        if (state.compareAndSet(State.PENDING, State.DONE)) {
            event.reply(message).setEphemeral(reply.ephemeral())
                    .queue(null, e -> log.warn("answering interaction failed: {}", e.getMessage()));
            return;
        }
        if (state.compareAndSet(State.DEFERRED, State.DONE)) {
            InteractionHook hook = event.getHook();
            if (reply.ephemeral()) {
                hook.editOriginal(MessageEditData.fromCreateData(message))
                        .queue(null, e -> log.warn("finishing interaction failed: {}", e.getMessage()));
            } else {
                // The deferral was private; a reply meant for the channel goes out as a public follow-up.
                hook.sendMessage(message).setEphemeral(false)
                        .queue(sent -> hook.deleteOriginal().queue(null, e -> { }),
                                e -> log.warn("finishing interaction failed: {}", e.getMessage()));
            }
        }
        // DONE already: a form was opened for this interaction, which is its answer.
    }
}
