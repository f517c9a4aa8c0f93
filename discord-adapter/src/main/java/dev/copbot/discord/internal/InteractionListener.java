package dev.copbot.discord.internal;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Reply;
import dev.copbot.discord.internal.CommandCatalog.Entry;
import dev.copbot.discord.internal.CommandCatalog.Kind;
import dev.copbot.discord.internal.CommandCatalog.Slot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands, autocomplete, button clicks and modal submissions: each becomes a core inbound event, run off the
 * gateway thread, and its reply goes back through the interaction callback (deferred first when the core is slow).
 */
public final class InteractionListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(InteractionListener.class);
    /** Discord allows 3 s for the first answer; defer well before that, leaving room for the round trip. */
    static final long DEFER_AFTER_MS = 1500;

    private final CommandCatalog catalog;
    private final ReplyRenderer renderer;
    private final ComponentIds ids;
    private final Function<Inbound, Optional<Reply>> core;
    private final CommunityNames communities;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Map<String, PendingInteraction> pending = new ConcurrentHashMap<>();

    public InteractionListener(CommandCatalog catalog, ReplyRenderer renderer, ComponentIds ids,
                               Function<Inbound, Optional<Reply>> core, ExecutorService workers,
                               ScheduledExecutorService timer) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.ids = ids;
        this.core = core;
        this.communities = new CommunityNames(c -> core.apply(c).orElseThrow());
        this.workers = workers;
        this.timer = timer;
    }

    /** The interaction a core handler is answering, by its token, while it is being answered. */
    Optional<PendingInteraction> pending(String token) {
        return Optional.ofNullable(pending.get(token));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!CommandCatalog.ROOT.equals(event.getName())) {
            return;
        }
        Optional<Entry> entry = catalog.entry(event.getSubcommandGroup(), String.valueOf(event.getSubcommandName()));
        answer(event, () -> {
            if (entry.isEmpty()) {
                return Reply.error("This command changed since Discord last loaded it. Try again in a minute, "
                        + "or type /cop help.");
            }
            String text;
            try {
                text = CommandCatalog.text(entry.get(), values(event.getOptions()));
            } catch (IllegalArgumentException bad) {
                return Reply.error(bad.getMessage(), entry.get().spec().usage());
            }
            return core.apply(new Inbound.CommandInvoked(actor(event), DiscordIds.channel(event.getChannel()),
                    threadOf(event), text, Optional.of(event.getToken()))).orElseThrow();
        });
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<String[]> decoded = ids.decode(event.getComponentId());
        if (decoded.isPresent() && decoded.get()[0].equals(FormSteps.NEXT)) {
            Optional<Modal> next = FormSteps.parse(decoded.get()[1])
                    .flatMap(k -> renderer.stepModal(k.getKey(), k.getValue()));
            if (next.isPresent()) {
                event.replyModal(next.get()).queue(null, e -> log.warn("opening a form step failed: {}", e.getMessage()));
                return;
            }
        }
        MessageId message = DiscordIds.message(event.getChannel(), event.getMessageId());
        answer(event, () -> core.apply(new Inbound.ButtonClicked(actor(event), message,
                decoded.map(d -> d[0]).orElse("expired"), decoded.map(d -> d[1]).orElse(""),
                Optional.of(event.getToken()))).orElseThrow());
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<String[]> decoded = ids.decode(event.getModalId());
        Map<String, String> values = new HashMap<>();
        for (ModalMapping m : event.getValues()) {
            values.put(m.getCustomId(), m.getAsString());
        }
        if (decoded.isPresent() && decoded.get()[0].equals(FormSteps.STEP)) {
            answer(event, () -> step(event, decoded.get()[1], values));
            return;
        }
        answer(event, () -> core.apply(new Inbound.FormSubmitted(actor(event), decoded.map(d -> d[0]).orElse("expired"),
                values, decoded.map(d -> d[1]).orElse(""))).orElseThrow());
    }

    /** One step of a form asked in several modals: a button to the next step, or, after the last, the whole form. */
    private Reply step(ModalInteractionEvent event, String value, Map<String, String> values) {
        Optional<FormSteps.Progress> progress = FormSteps.parse(value)
                .flatMap(k -> renderer.steps().submit(k.getKey(), k.getValue(), values));
        if (progress.isEmpty()) {
            return core.apply(new Inbound.FormSubmitted(actor(event), "expired", values, "")).orElseThrow();
        }
        FormSteps.Pending p = progress.get().pending();
        if (progress.get().done()) {
            return core.apply(new Inbound.FormSubmitted(actor(event), p.form().id(), Map.copyOf(p.values()),
                    p.form().context())).orElseThrow();
        }
        int next = progress.get().nextStep();
        String key = FormSteps.parse(value).orElseThrow().getKey();
        String label = "Continue (" + (next + 1) + "/" + FormSteps.steps(p.form()) + ")";
        return Reply.ok("Saved. " + label + " for the rest of the form; nothing is sent before the last step.")
                .with(new Block.Actions(List.of(new Button(FormSteps.NEXT,
                        label, FormSteps.value(key, next), Button.Style.PRIMARY, ""))));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Optional<Slot> slot = catalog.entry(event.getSubcommandGroup(), String.valueOf(event.getSubcommandName()))
                .flatMap(e -> e.slots().stream().filter(s -> s.name().equals(event.getFocusedOption().getName()))
                        .findFirst());
        if (slot.isEmpty() || slot.get().kind() != Kind.COMMUNITY) {
            event.replyChoiceStrings(List.of()).queue(null, e -> { }); // no event store yet: nothing to offer
            return;
        }
        Actor actor = actor(event);
        ChannelId where = DiscordIds.channel(event.getChannel());
        workers.submit(() -> {
            List<String> names = communities.matching(actor, where, event.getFocusedOption().getValue(), 25);
            event.replyChoiceStrings(names).queue(null, e -> log.debug("autocomplete expired: {}", e.getMessage()));
        });
    }

    private void answer(IReplyCallback event, Supplier<Reply> work) {
        PendingInteraction answer = new PendingInteraction(event, renderer);
        pending.put(event.getToken(), answer);
        ScheduledFuture<?> defer = timer.schedule(answer::deferIfPending, DEFER_AFTER_MS, TimeUnit.MILLISECONDS);
        workers.submit(() -> {
            Reply reply;
            try {
                reply = work.get();
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("interaction {} failed (reference {})", event.getId(), reference, e);
                reply = Reply.ourFault("", reference, "Nothing was changed; try again, or give the reference to an admin.");
            }
            defer.cancel(false);
            try {
                answer.finish(reply);
            } finally {
                pending.remove(event.getToken());
            }
        });
    }

    private static Actor actor(Interaction event) {
        String scope = event.getGuild() != null ? event.getGuild().getId() : DiscordIds.DIRECT_SCOPE;
        return Actors.of(scope, event.getUser(), event.getMember());
    }

    private static Optional<MessageId> threadOf(SlashCommandInteractionEvent event) {
        return event.getChannel() instanceof ThreadChannel thread ? Optional.of(Channels.threadRoot(thread))
                : Optional.empty();
    }

    private static Map<String, String> values(List<OptionMapping> options) {
        Map<String, String> values = new HashMap<>();
        for (OptionMapping o : options) {
            values.put(o.getName(), switch (o.getType()) {
                case USER -> "<@" + o.getAsUser().getId() + ">";
                case CHANNEL -> "<#" + o.getAsChannel().getId() + "|" + o.getAsChannel().getName() + ">";
                default -> o.getAsString();
            });
        }
        return values;
    }
}
