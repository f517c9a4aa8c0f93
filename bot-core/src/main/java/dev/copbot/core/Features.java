package dev.copbot.core;

import dev.copbot.core.command.CommandRouter;
import dev.copbot.core.command.HelpCommand;
import dev.copbot.core.command.Registry;
import dev.copbot.core.community.CharterForm;
import dev.copbot.core.community.CommunityCommands;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.community.MemberList;
import dev.copbot.core.community.Privacy;
import dev.copbot.core.dashboard.Dashboard;
import dev.copbot.core.dashboard.WebSessions;
import dev.copbot.core.discussion.AccessControl;
import dev.copbot.core.discussion.Activity;
import dev.copbot.core.discussion.Discussions;
import dev.copbot.core.discussion.IndexCommands;
import dev.copbot.core.discussion.MessageStore;
import dev.copbot.core.discussion.Permalinks;
import dev.copbot.core.discussion.SearchCommands;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.event.Events;
import dev.copbot.core.expertise.AskExperts;
import dev.copbot.core.expertise.ExpertCommands;
import dev.copbot.core.expertise.ExpertFinder;
import dev.copbot.core.expertise.ExpertPreferences;
import dev.copbot.core.expertise.SkillCommands;
import dev.copbot.core.expertise.SkillStore;
import dev.copbot.core.home.HomeView;
import dev.copbot.core.kudos.KudosCommands;
import dev.copbot.core.kudos.KudosStore;
import dev.copbot.core.kudos.Leaderboard;
import dev.copbot.core.life.CommunityInfo;
import dev.copbot.core.life.CommunityLife;
import dev.copbot.core.people.PersonSettings;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.store.Database;
import java.time.Clock;
import java.time.Duration;

/**
 * The composition root: builds every feature once and lets each register what it handles. The only class that knows
 * all features; no feature imports it. The order of registration is the order of {@code /cop help}.
 */
final class Features {
    private static final Duration ACCESS_CACHE = Duration.ofSeconds(60);

    final Registry registry;
    final UserDirectory users;
    final Discussions discussions;
    final ExpertFinder experts;
    final AskExperts asks;
    final Events events;
    final CommunityLife life;
    final HomeView home;
    final Privacy privacy;
    final Dashboard dashboard;
    final KudosStore kudos;
    final ExpertPreferences preferences;

    Features(Database db, SearchBackend index, BotSettings settings, Clock clock, ChatPorts ports) {
        CommandRouter router = new CommandRouter(clock, settings.limits());
        this.registry = new Registry(router);
        this.users = new UserDirectory(db);
        CommunityStore communities = new CommunityStore(db);
        MessageStore messages = new MessageStore(db);
        this.discussions = new Discussions(messages, index, settings.ranking(),
                new AccessControl(messages, ports, clock, ACCESS_CACHE), clock);
        // Who may see which community and private channel: the discussions' access rules, asked of the platform.
        this.privacy = new Privacy(communities, discussions.access()::mayRead);
        Permalinks permalinks = new Permalinks(ports);
        this.kudos = new KudosStore(db);
        SkillStore skills = new SkillStore(db);
        this.preferences = new ExpertPreferences(db);
        this.events = new Events(db, communities, privacy, users, ports, clock, settings.publicUrl());
        this.life = new CommunityLife(db, privacy, users, discussions, events, kudos, ports, permalinks, clock,
                settings.life());
        this.experts = new ExpertFinder(discussions, skills, preferences, permalinks, kudos,
                ExpertFinder.Weights.defaults());
        this.asks = new AskExperts(db, experts, preferences, discussions, privacy, users, ports, permalinks, clock,
                settings.ask());
        this.home = new HomeView(communities, skills, events);
        this.dashboard = new Dashboard(new WebSessions(db, clock), settings.publicUrl());

        // Listeners first where order matters: the store sees a join before the community welcomes the member.
        discussions.register(registry);
        new HelpCommand(router).register();
        new CommunityCommands(communities, users, privacy, life::joined, new CommunityInfo(life)).register(registry);
        new MemberList(communities, privacy, users).register(registry);
        new SkillCommands(skills, users).register(registry);
        new SearchCommands(discussions, privacy, users, permalinks).register(registry);
        new ExpertCommands(experts, preferences, privacy, users).register(registry);
        asks.register(registry);
        new IndexCommands(discussions, communities).register(registry);
        events.register(registry);
        registry.form(CharterForm.ID, new CharterForm(communities, users, clock)::submit);
        new KudosCommands(kudos, communities, privacy, messages, users, ports, settings.kudos()).register(registry);
        new Leaderboard(new Activity(db), kudos, privacy, discussions.access(), users).register(registry);
        life.register(registry);
        new PersonSettings(users).register(registry);
        dashboard.register(registry);
    }
}
