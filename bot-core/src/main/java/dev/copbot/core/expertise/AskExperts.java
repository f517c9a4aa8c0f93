package dev.copbot.core.expertise;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.Param.repeated;
import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Cost;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.Token;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.CommunityChannels;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.community.Privacy;
import dev.copbot.core.discussion.Discussions;
import dev.copbot.core.discussion.Permalinks;
import dev.copbot.core.discussion.SearchEngine;
import dev.copbot.core.discussion.SearchRequest;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Plural;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.SqliteSchedulerDialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /cop ask}: the closest solved threads first; then, on the asker's click, the question is posted as a thread
 * in the community's channel and the top experts (by the expert ranking over the community's channels, as of now)
 * get a direct message with the link — at most {@code dmsPerDay} per expert and community, never to someone away or
 * snoozed, and people already asked today elsewhere only after those who were not. A question nobody but the asker has replied to after
 * {@code escalateAfter} goes to the next experts, once. The escalation is a db-scheduler job in the store, so it
 * survives restarts and runs on one replica.
 */
public final class AskExperts implements Feature {
    public static final String ESCALATE_TASK = "ask-escalate";
    private static final Logger log = LoggerFactory.getLogger(AskExperts.class);

    public record Settings(int experts, int dmsPerDay, Duration escalateAfter) {
        public static Settings defaults() {
            return new Settings(3, 1, Duration.ofHours(24));
        }
    }

    private final QuestionStore questions;
    private final ExpertFinder finder;
    private final ExpertPreferences preferences;
    private final Discussions discussions;
    private final CommunityStore communities;
    private final Privacy privacy;
    private final UserDirectory users;
    private final ChatPorts ports;
    private final Permalinks permalinks;
    private final Clock clock;
    private final Settings settings;
    private final OneTimeTask<Void> escalate;
    private final SchedulerClient client;

    public AskExperts(Database db, ExpertFinder finder, ExpertPreferences preferences, Discussions discussions,
                      Privacy privacy, UserDirectory users, ChatPorts ports, Permalinks permalinks, Clock clock,
                      Settings settings) {
        this.questions = new QuestionStore(db);
        this.finder = finder;
        this.preferences = preferences;
        this.discussions = discussions;
        this.communities = privacy.store();
        this.privacy = privacy;
        this.users = users;
        this.ports = ports;
        this.permalinks = permalinks;
        this.clock = clock;
        this.settings = settings;
        this.escalate = Tasks.oneTime(ESCALATE_TASK).execute((instance, ctx) -> escalate(instance.getId()));
        SchedulerClient.Builder builder = SchedulerClient.Builder.create(db.dataSource(), escalate);
        SqliteSchedulerDialect.forStore(db).ifPresent(builder::jdbcCustomization);
        this.client = builder.build();
    }

    /** The job a scheduler must know to run escalations. */
    public List<Task<?>> tasks() {
        return List.of(escalate);
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("ask").param(repeated("question")).option("community", "name").access(Access.MEMBER).cost(Cost.ASK)
                .summary("Ask a question: see the closest solved threads first, then send it to the experts.")
                .example("/cop ask how do we rotate the ingress TLS certificate? community:sre").handler(this::ask));
        registry.command(command("ask-experts").param(required("question-id")).access(Access.MEMBER).cost(Cost.ASK)
                .buttonOnly()
                .summary("Post your question in the community channel and ask its top experts (the button of /cop ask).")
                .example("/cop ask-experts q1a2b3c4").handler(this::route));
        registry.command(command("expert snooze").param(optional("off")).option("until", "YYYY-MM-DD")
                .access(Access.MEMBER).summary("Stop being asked to help with questions for a while (default a week).")
                .example("/cop expert snooze until:2026-12-31").example("/cop expert snooze off").handler(this::snooze));
        tasks().forEach(registry::job);
    }

    private Reply ask(CommandContext ctx) {
        String text = String.join(" ", ctx.args().stream().map(Token::display).toList()).strip();
        if (text.length() < 10) {
            throw new UserError("Write the question out, so people can answer it: at least a few words.");
        }
        String community = community(ctx);
        List<ChannelId> channels = CommunityChannels.of(communities, community, "there is nowhere to ask");
        String where = communities.channels(community).stream().filter(c -> c.id().equals(channels.get(0)))
                .map(c -> "#" + c.name()).findFirst().orElse("the channel of " + community);
        SearchRequest request = SearchRequest.parse(QuestionWords.searchable(text)).withFilters(channels, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(true));
        SearchEngine.Results solved = discussions.search(ctx.actor().id(), request, 0, 3);
        String id = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        questions.create(id, ctx.actor().id(), community, text, ctx.clock().instant());
        List<Block> blocks = new ArrayList<>();
        for (SearchEngine.Result r : solved.results()) {
            MessageId root = new MessageId(r.hit().key().channel(), r.hit().key().root());
            blocks.add(new Block.Section("✅ " + r.hit().title(), r.snippet(), List.of(new Field("Link", permalinks.of(root)))));
        }
        String command = "ask-experts " + id;
        blocks.add(new Block.Actions(List.of(Button.runs("Ask the experts", command, Button.Style.PRIMARY))));
        String intro = solved.results().isEmpty() ? "No solved thread in " + community + " matches yet."
                : "These solved threads in " + community + " look closest:";
        return Reply.ok(intro + " If none helps, ask the experts: your question goes to " + where + " as a thread and its "
                + "top experts get a message.").withBlocks(blocks).withData("question", id)
                .withData("solved", solved.results().stream().map(r -> r.hit().key().root()).toList());
    }

    private Reply route(CommandContext ctx) {
        QuestionStore.Question q = questions.find(ctx.arg(0)).orElseThrow(() -> UserError.refused(
                "There is no question '" + ctx.arg(0) + "'. Start with /cop ask <question>."));
        if (!q.asker().equals(ctx.actor().id())) {
            throw UserError.refused("Only the person who asked can send this question to the experts.");
        }
        if (q.posted().isPresent()) {
            throw UserError.refused("This question was already sent to the experts: " + permalinks.of(q.posted().get()));
        }
        ChannelId channel = CommunityChannels.of(communities, q.community(), "there is nowhere to ask").get(0);
        ChatPort port = ports.of(channel.platform()).orElseThrow(() -> UserError.refused(
                "The bot is not connected to " + channel.platform().key() + " right now, so it cannot post there."));
        Instant now = clock.instant();
        MessageId posted = port.post(channel, Optional.empty(), Reply.ok("Question from " + users.displayName(q.asker())
                + ": " + q.text()).inChannel());
        if (!questions.markRouted(q.id(), posted, now)) {
            throw UserError.refused("This question was already sent to the experts.");
        }
        String link = permalinks.of(posted);
        List<UserId> asked = notify(q, link, 1, List.of());
        client.scheduleIfNotExists(escalate.instance(q.id()), now.plus(settings.escalateAfter()));
        List<String> names = asked.stream().map(users::displayName).toList();
        return Reply.ok("Posted your question in " + q.community() + " (" + link + ")"
                + (names.isEmpty() ? ". No expert is available to ask right now; the community will see it."
                : " and asked " + String.join(", ", names) + ".")
                + " If nobody answers within " + Plural.count(settings.escalateAfter().toHours(), "hour") + ", the next experts are asked.")
                .withData("question", q.id()).withData("permalink", link)
                .withData("asked", asked.stream().map(UserId::id).toList());
    }

    /** DMs the best available experts not yet asked about this question; returns who was asked. */
    private List<UserId> notify(QuestionStore.Question q, String link, int round, List<UserId> already) {
        Instant now = clock.instant();
        List<ChannelId> channels = CommunityChannels.of(communities, q.community(), "there is nowhere to ask");
        List<UserId> asked = new ArrayList<>();
        // Spread the load: among the best 50, people asked nothing today (in any community) come first, in rank order.
        List<ExpertFinder.Expert> ranked = new ArrayList<>(finder.find(q.asker(), q.text(), channels, now, 50));
        Map<UserId, Long> today = new HashMap<>();
        ranked.forEach(e -> today.put(e.user(), questions.pingsOn(e.user(), now)));
        ranked.sort(Comparator.comparingLong(e -> today.get(e.user())));
        for (ExpertFinder.Expert e : ranked) {
            if (asked.size() == settings.experts()) {
                break;
            }
            UserId person = e.user();
            ExpertPreferences.Preference pref = preferences.of(person);
            if (already.contains(person) || e.away() || pref.snoozedAt(now)
                    || questions.pingsOn(person, q.community(), now) >= settings.dmsPerDay()) {
                continue;
            }
            Optional<ChatPort> port = ports.of(person.platform());
            if (port.isEmpty()) {
                continue;
            }
            try {
                port.get().sendDirect(person, Reply.ok("Can you help? " + users.displayName(q.asker()) + " asked in "
                        + q.community() + ": \"" + q.text() + "\" — " + link + "\nWhy you: "
                        + ExpertCommands.reason(e, now, ZoneOffset.UTC) + ". Too many requests? /cop expert snooze"));
                questions.ping(q.id(), person, q.community(), round, now);
                asked.add(person);
            } catch (RuntimeException ex) {
                log.warn("could not message {} about question {}: {}", person, q.id(), ex.getMessage());
            }
        }
        return asked;
    }

    /** The scheduled step: still unanswered after the wait? Then the next experts, once. */
    void escalate(String id) {
        Optional<QuestionStore.Question> found = questions.find(id);
        if (found.isEmpty() || found.get().posted().isEmpty() || found.get().escalated()) {
            return;
        }
        QuestionStore.Question q = found.get();
        if (questions.answered(q.posted().get(), q.asker())) {
            questions.markEscalated(id, clock.instant()); // answered: nothing more to do, ever
            return;
        }
        if (questions.markEscalated(id, clock.instant())) {
            notify(q, permalinks.of(q.posted().get()), 2, questions.pinged(id));
        }
    }

    private Reply snooze(CommandContext ctx) {
        Instant now = ctx.clock().instant();
        if (ctx.optionalArg(0).isPresent()) {
            if (!ctx.arg(0).equalsIgnoreCase("off") || ctx.option("until").isPresent()) {
                throw new UserError("Write /cop expert snooze, /cop expert snooze until:YYYY-MM-DD, or /cop expert snooze off.");
            }
            preferences.setSnoozedUntil(ctx.actor().id(), Optional.empty(), now);
            return Reply.ok("You can be asked to help with questions again.");
        }
        Instant until = ctx.option("until").map(d -> {
            try {
                return LocalDate.parse(d.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new UserError("'" + d + "' is not a date: write until:YYYY-MM-DD.");
            }
        }).orElse(now.plus(Duration.ofDays(7)));
        if (!until.isAfter(now)) {
            throw new UserError("That date is already past; give a day from today on.");
        }
        preferences.setSnoozedUntil(ctx.actor().id(), Optional.of(until), now);
        String when = ctx.option("until").map(d -> "until the end of " + ExpertCommands.lastDay(until, ZoneOffset.UTC))
                .orElse("for a week");
        return Reply.ok("Snoozed: nobody will ask you to help with questions " + when + ". You are still listed in /cop experts.");
    }

    private String community(CommandContext ctx) {
        if (ctx.option("community").isPresent()) {
            // A community hidden from the asker answers like a missing one.
            return privacy.named(ctx.actor().id(), ctx.option("community").get()).name();
        }
        List<String> ofChannel = communities.communitiesOfChannel(ctx.channel());
        if (ofChannel.size() == 1) {
            return ofChannel.get(0);
        }
        List<String> mine = communities.communitiesOf(ctx.actor().id());
        if (mine.size() == 1) {
            return mine.get(0);
        }
        throw new UserError("Which community should answer? Add community:<name>"
                + (mine.isEmpty() ? "" : " (yours: " + String.join(", ", mine) + ")") + ".");
    }
}
