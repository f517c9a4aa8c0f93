package dev.copbot.core;

import com.github.kagkarlsson.scheduler.task.Task;
import dev.copbot.core.command.CommandRouter;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Privacy;
import dev.copbot.core.dashboard.Dashboard;
import dev.copbot.core.discussion.Discussions;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.event.Events;
import dev.copbot.core.expertise.AskExperts;
import dev.copbot.core.expertise.ExpertFinder;
import dev.copbot.core.expertise.ExpertPreferences;
import dev.copbot.core.kudos.KudosStore;
import dev.copbot.core.life.CommunityLife;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Inbound.CommandInvoked;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-neutral bot. Adapters (Slack, Discord, console) turn what their platform sends into an
 * {@link Inbound} and call {@link #handle}; commands, buttons and forms answer with a {@link Reply} that the adapter
 * renders. It only dispatches: what it dispatches to, the features registered in {@link Registry} by the composition
 * root ({@code Features}). Everything behind this class is platform-neutral.
 */
public final class CopBot {
    private static final Logger log = LoggerFactory.getLogger(CopBot.class);

    private final BotSettings settings;
    private final Clock clock;
    private final ChatPorts ports;
    private final Features features;
    private final Registry registry;

    /** With an in-memory search index: for tests and tools that need no durable index. */
    public CopBot(Database db, BotSettings settings, Clock clock, ChatPorts ports) {
        this(db, SearchIndex.inMemory(settings.ranking()), settings, clock, ports);
    }

    public CopBot(Database db, SearchBackend index, BotSettings settings, Clock clock, ChatPorts ports) {
        this.settings = settings;
        this.clock = clock;
        this.ports = ports;
        this.features = new Features(db, index, settings, clock, ports);
        this.registry = features.registry;
    }

    /** Questions routed to experts. */
    public AskExperts asks() {
        return features.asks;
    }

    public ExpertFinder experts() {
        return features.experts;
    }

    public Discussions discussions() {
        return features.discussions;
    }

    /** The newest stored message of a channel, where a backfill after a reconnect starts from. */
    public Optional<String> lastMessageId(ChannelId channel) {
        return features.discussions.lastMessageId(channel);
    }

    /** Welcome, digests, charter reviews, health. */
    public CommunityLife life() {
        return features.life;
    }

    /** Events: reminders to plan, calendar feeds to serve. */
    public Events events() {
        return features.events;
    }

    /** The web dashboard's sign-in links and sessions. */
    public Dashboard dashboard() {
        return features.dashboard;
    }

    /** Which communities and private channel names a person may see: the one rule every view applies. */
    public Privacy privacy() {
        return features.privacy;
    }

    /** The bot's one clock: views other than chat tell time by it too. */
    public Clock clock() {
        return clock;
    }

    /** Who opted out of expert lists or is away: what a person's own page shows. */
    public ExpertPreferences expertPreferences() {
        return features.preferences;
    }

    /** Kudos given and received. */
    public KudosStore kudos() {
        return features.kudos;
    }

    /** People's display names. */
    public UserDirectory users() {
        return features.users;
    }

    /** Every feature's scheduled jobs: the process's one scheduler must know them all (recurring ones it starts). */
    public List<Task<?>> jobs() {
        return registry.jobs();
    }

    public CommandRouter router() {
        return registry.commands();
    }

    public ChatPorts ports() {
        return ports;
    }

    /** Runs a {@code /cop …} command: always answers, never throws. */
    public Reply run(CommandInvoked command) {
        features.users.seen(command.actor(), clock.instant());
        CommandInvoked inZone = new CommandInvoked(features.users.inChosenZone(command.actor()), command.channel(),
                command.thread(), command.text(), command.interaction());
        return registry.commands().dispatch(inZone, isAdmin(command.actor()));
    }

    /** Handles anything a platform reports; interactions (commands, buttons, forms) answer with a reply. */
    public Optional<Reply> handle(Inbound event) {
        return switch (event) {
            case CommandInvoked c -> Optional.of(run(c));
            case Inbound.ButtonClicked b when Button.RUN_COMMAND.equals(b.action()) -> Optional.of(run(
                    new CommandInvoked(b.actor(), b.message().channel(), Optional.empty(), b.value(), b.interaction())));
            case Inbound.ButtonClicked b -> Optional.of(Reply.error("That button is no longer active. "
                    + "Run the command again to get a fresh one."));
            case Inbound.FormSubmitted f -> Optional.of(registry.form(f.formId()).map(h -> submit(h, f))
                    .orElseGet(() -> Reply.error("That form is no longer active. "
                            + "Run the command again to open a fresh one.")));
            default -> {
                registry.publish(event);
                yield Optional.empty();
            }
        };
    }

    /** The person's own page (Slack's App Home): their communities and skills, with buttons to change them. */
    public Reply home(Actor actor) {
        features.users.seen(actor, clock.instant());
        return features.home.of(actor.id());
    }

    private Reply submit(Registry.FormHandler handler, Inbound.FormSubmitted form) {
        features.users.seen(form.actor(), clock.instant());
        try {
            Inbound.FormSubmitted inZone = new Inbound.FormSubmitted(features.users.inChosenZone(form.actor()),
                    form.formId(), form.values(), form.context());
            return handler.submit(inZone, isAdmin(form.actor()));
        } catch (UserError e) {
            return Reply.error(e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("form '{}' by {} failed (reference {})", form.formId(), form.actor().id(), reference, e);
            return Reply.ourFault("with that form", reference, "Try again, or give the reference to an admin.");
        }
    }

    public boolean isAdmin(Actor actor) {
        return actor.platformAdmin() || settings.admins().contains(actor.id());
    }
}
