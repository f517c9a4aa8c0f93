package dev.copbot.core;

import dev.copbot.core.command.CommandRouter;
import dev.copbot.core.command.UserError;
import dev.copbot.core.command.HelpCommand;
import dev.copbot.core.community.CommunityCommands;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.discussion.AccessControl;
import dev.copbot.core.discussion.Discussions;
import dev.copbot.core.discussion.IndexCommands;
import dev.copbot.core.discussion.MessageStore;
import dev.copbot.core.discussion.Permalinks;
import dev.copbot.core.discussion.SearchCommands;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.event.Events;
import dev.copbot.core.expertise.AskExperts;
import dev.copbot.core.expertise.ExpertCommands;
import dev.copbot.core.expertise.ExpertFinder;
import dev.copbot.core.expertise.ExpertPreferences;
import dev.copbot.core.expertise.SkillCommands;
import dev.copbot.core.expertise.SkillStore;
import dev.copbot.core.discussion.Activity;
import dev.copbot.core.home.HomeView;
import dev.copbot.core.kudos.KudosCommands;
import dev.copbot.core.kudos.KudosStore;
import dev.copbot.core.kudos.Leaderboard;
import dev.copbot.core.life.CommunityLife;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Inbound.CommandInvoked;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-neutral bot. Adapters (Slack, Discord, console) turn what their platform sends into an
 * {@link Inbound} and call {@link #handle}; commands, buttons and forms answer with a {@link Reply} that the adapter
 * renders. Everything behind this class is platform-neutral.
 */
public final class CopBot {
    /** The action id of a button whose value is a command to run as the person who clicked it. */
    public static final String RUN_COMMAND_ACTION = "cop.run";

    private static final java.time.Duration ACCESS_CACHE = java.time.Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(CopBot.class);

    /** Answers the submission of one kind of form (by form id); may throw {@link UserError} for bad input. */
    @FunctionalInterface
    public interface FormHandler {
        Reply submit(Inbound.FormSubmitted form, boolean admin);
    }

    private final BotSettings settings;
    private final Clock clock;
    private final ChatPorts ports;
    private final CommandRouter router;
    private final UserDirectory users;
    private final CommunityStore communities;
    private final HomeView home;
    private final Map<String, FormHandler> forms = new ConcurrentHashMap<>();
    private final Events events;

    private final Discussions discussions;
    private final ExpertFinder experts;
    private final AskExperts asks;
    private final KudosCommands kudos;
    private final CommunityLife life;

    /** With an in-memory search index: for tests and tools that need no durable index. */
    public CopBot(Database db, BotSettings settings, Clock clock, ChatPorts ports) {
        this(db, SearchIndex.inMemory(settings.ranking()), settings, clock, ports);
    }

    public CopBot(Database db, SearchIndex index, BotSettings settings, Clock clock, ChatPorts ports) {
        this.settings = settings;
        this.clock = clock;
        this.ports = ports;
        this.router = new CommandRouter(clock);
        this.users = new UserDirectory(db);
        this.communities = new CommunityStore(db);
        MessageStore messages = new MessageStore(db);
        this.discussions = new Discussions(messages, index, settings.ranking(),
                new AccessControl(messages, ports, clock, ACCESS_CACHE), clock);
        Permalinks permalinks = new Permalinks(ports);
        KudosStore kudos = new KudosStore(db);
        this.events = new Events(db, communities, users, ports, clock);
        this.life = new CommunityLife(db, communities, users, discussions, events, kudos, ports, permalinks, clock,
                settings.life());
        // Registration order is the order of /cop help.
        new HelpCommand(router).register();
        new CommunityCommands(communities, users, life::joined).register(router);
        SkillStore skills = new SkillStore(db);
        new SkillCommands(skills, users).register(router);
        new SearchCommands(discussions, communities, users, permalinks).register(router);
        ExpertPreferences preferences = new ExpertPreferences(db);
        this.experts = new ExpertFinder(discussions, skills, preferences, permalinks, kudos, ExpertFinder.Weights.defaults());
        new ExpertCommands(experts, preferences, communities, users).register(router);
        this.asks = new AskExperts(db, experts, preferences, discussions, communities, users, ports, permalinks, clock,
                settings.ask());
        asks.register(router);
        new IndexCommands(discussions, communities).register(router);
        events.register(router, this);
        onForm(dev.copbot.core.community.CharterForm.ID,
                new dev.copbot.core.community.CharterForm(communities, users, clock)::submit);
        this.kudos = new KudosCommands(kudos, communities, messages, users, ports, settings.kudos());
        this.kudos.register(router);
        new Leaderboard(new Activity(db), kudos, communities, discussions.access(), users).register(router);
        life.register(router);
        this.home = new HomeView(communities, skills, events);
    }

    /** Questions routed to experts; its tasks must run in the process's scheduler. */
    public AskExperts asks() {
        return asks;
    }

    public ExpertFinder experts() {
        return experts;
    }

    public Discussions discussions() {
        return discussions;
    }

    /** The newest stored message of a channel, where a backfill after a reconnect starts from. */
    public Optional<String> lastMessageId(dev.copbot.core.platform.ChannelId channel) {
        return discussions.lastMessageId(channel);
    }

    /** Welcome, digests, charter reviews, health: its recurring job must run in the process's scheduler. */
    public CommunityLife life() {
        return life;
    }

    /** Events: reminders to start, calendar feeds to serve. */
    public Events events() {
        return events;
    }

    /** Routes submissions of the form {@code formId} (opened by a command's reply) to {@code handler}. */
    public void onForm(String formId, FormHandler handler) {
        if (forms.putIfAbsent(formId, handler) != null) {
            throw new IllegalStateException("two handlers for the form '" + formId + "'");
        }
    }

    public CommandRouter router() {
        return router;
    }

    public ChatPorts ports() {
        return ports;
    }

    /** Runs a {@code /cop …} command: always answers, never throws. */
    public Reply run(CommandInvoked command) {
        users.seen(command.actor(), clock.instant());
        return router.dispatch(command, isAdmin(command.actor()));
    }

    /** Handles anything a platform reports; interactions (commands, buttons, forms) answer with a reply. */
    public Optional<Reply> handle(Inbound event) {
        return switch (event) {
            case CommandInvoked c -> Optional.of(run(c));
            case Inbound.ButtonClicked b when RUN_COMMAND_ACTION.equals(b.action()) -> Optional.of(run(
                    new CommandInvoked(b.actor(), b.message().channel(), Optional.empty(), b.value(), b.interaction())));
            case Inbound.ButtonClicked b -> Optional.of(Reply.error("That button is no longer active. "
                    + "Run the command again to get a fresh one."));
            case Inbound.FormSubmitted f when forms.containsKey(f.formId()) -> Optional.of(submit(f));
            case Inbound.FormSubmitted f -> Optional.of(Reply.error("That form is no longer active. "
                    + "Run the command again to open a fresh one."));
            case Inbound.MemberJoinedChannel j -> {
                discussions.memberJoined(j.channel().id(), j.user());
                // Joining a community's channel is joining the community.
                communities.communitiesOfChannel(j.channel().id()).forEach(name -> {
                    if (communities.join(name, j.user(), j.at())) {
                        life.joined(name, j.user());
                    }
                });
                yield Optional.empty();
            }
            case Inbound.MemberLeftChannel l -> {
                discussions.memberLeft(l.channel().id(), l.user());
                yield Optional.empty();
            }
            case Inbound.MessagePosted p -> {
                discussions.posted(p);
                yield Optional.empty();
            }
            case Inbound.MessageEdited e -> {
                discussions.edited(e);
                yield Optional.empty();
            }
            case Inbound.MessageDeleted d -> {
                discussions.deleted(d);
                yield Optional.empty();
            }
            case Inbound.ReactionAdded r -> {
                discussions.reacted(r.reaction(), r.at(), true);
                kudos.reacted(r.reaction(), r.at(), true);
                yield Optional.empty();
            }
            case Inbound.ReactionRemoved r -> {
                discussions.reacted(r.reaction(), r.at(), false);
                kudos.reacted(r.reaction(), r.at(), false);
                yield Optional.empty();
            }
            case Inbound.ChannelRemoved c -> {
                discussions.channelRemoved(c.channel(), c.at());
                yield Optional.empty();
            }
            case Inbound.WorkspaceRemoved w -> {
                discussions.workspaceRemoved(w.platform(), w.scope(), w.at());
                yield Optional.empty();
            }
        };
    }

    /** The person's own page (Slack's App Home): their communities and skills, with buttons to change them. */
    public Reply home(Actor actor) {
        users.seen(actor, clock.instant());
        return home.of(actor.id());
    }

    private Reply submit(Inbound.FormSubmitted form) {
        users.seen(form.actor(), clock.instant());
        try {
            return forms.get(form.formId()).submit(form, isAdmin(form.actor()));
        } catch (UserError e) {
            return Reply.error(e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("form '{}' by {} failed (reference {})", form.formId(), form.actor().id(), reference, e);
            return Reply.error("Something went wrong on our side with that form (reference " + reference
                    + "). Try again, or give the reference to an admin.");
        }
    }

    public boolean isAdmin(Actor actor) {
        return actor.platformAdmin() || settings.admins().contains(actor.id());
    }
}
