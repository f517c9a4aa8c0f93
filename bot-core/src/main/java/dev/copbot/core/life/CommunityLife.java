package dev.copbot.core.life;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Community;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.community.Leaders;
import dev.copbot.core.community.Privacy;
import dev.copbot.core.discussion.Activity;
import dev.copbot.core.discussion.Discussions;
import dev.copbot.core.discussion.Permalinks;
import dev.copbot.core.event.Events;
import dev.copbot.core.kudos.KudosStore;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * What keeps communities alive, wired in one place: the welcome on joining, the weekly digest, the yearly charter
 * review (both sent by one durable job), health figures and the KM audit. The command classes share its helpers.
 */
public final class CommunityLife implements Feature {
    public static final String TICK_TASK = "community-life";
    static final Duration TICK_EVERY = Duration.ofMinutes(5);

    /** Inactive after this many days without a message, reaction or event. */
    public record Settings(int inactiveDays) {
        public static Settings defaults() {
            return new Settings(60);
        }
    }

    final LifeStore store;
    final CommunityStore communities;
    final UserDirectory users;
    final Discussions discussions;
    final Activity activity;
    final Events events;
    final KudosStore kudos;
    final ChatPorts ports;
    final Permalinks permalinks;
    final Clock clock;
    final Settings settings;
    final Privacy privacy;
    final Welcome welcome;
    final Digests digests;
    private final RecurringTask<Void> tick;

    public CommunityLife(Database db, Privacy privacy, UserDirectory users, Discussions discussions,
                         Events events, KudosStore kudos, ChatPorts ports, Permalinks permalinks, Clock clock,
                         Settings settings) {
        this.store = new LifeStore(db);
        this.communities = privacy.store();
        this.users = users;
        this.discussions = discussions;
        this.activity = new Activity(db);
        this.events = events;
        this.kudos = kudos;
        this.ports = ports;
        this.permalinks = permalinks;
        this.clock = clock;
        this.settings = settings;
        this.privacy = privacy;
        this.welcome = new Welcome(this);
        this.digests = new Digests(this);
        this.tick = Tasks.recurring(TICK_TASK, FixedDelay.of(TICK_EVERY)).execute((instance, ctx) -> tick());
    }

    @Override
    public void register(Registry registry) {
        welcome.register(registry);
        digests.register(registry);
        new HealthCommands(this).register(registry);
        registry.job(tick);
    }

    /** The figures of health and the audit, for views other than chat. */
    public LifeFigures figures() {
        return new LifeFigures(this);
    }

    /** The recurring job that sends due digests and charter reviews; a scheduler must start it. */
    public RecurringTask<Void> task() {
        return tick;
    }

    /** Sends what is due now: each community's digest of the period that just ended, and charter reviews. */
    public void tick() {
        Instant now = clock.instant();
        for (Community c : communities.all(false)) {
            try {
                digests.sendIfDue(c, now);
                welcome.remindCharterReviewIfDue(c, now);
            } catch (RuntimeException e) {
                // One community's failure must not hold up the others; its claimed notices stay claimed.
                LoggerFactory.getLogger(CommunityLife.class).warn("community life of {} failed", c.name(), e);
            }
        }
    }

    /** Someone joined a community (by command or by joining its channel): they get the welcome by DM. */
    public void joined(String community, UserId user) {
        try {
            communities.find(community).ifPresent(c -> welcome.send(c, user));
        } catch (RuntimeException e) {
            // The join is stored; a welcome that cannot be built must not turn it into an error.
            LoggerFactory.getLogger(CommunityLife.class).warn("could not welcome {} to {}", user, community, e);
        }
    }

    // --- shared by the command classes --------------------------------------------------------------------------

    /**
     * The community a command names, else the one its channel belongs to, else the only one there is. A community
     * hidden from the asker (all its channels private, none theirs) is neither found, suggested nor listed.
     */
    Community communityFor(CommandContext ctx, Optional<String> typed) {
        UserId asker = ctx.actor().id();
        if (typed.isPresent()) {
            return privacy.named(asker, typed.get());
        }
        List<String> here = communities.communitiesOfChannel(ctx.channel());
        if (here.size() == 1) {
            return communities.find(here.get(0)).orElseThrow();
        }
        List<Community> all = privacy.visible(asker, false);
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new UserError(all.isEmpty() ? "There are no communities yet."
                : "Say which community: " + String.join(", ", all.stream().map(Community::name).toList()) + ".");
    }

    /** A community named in a leader's command, as {@link #communityFor} finds it. */
    Community named(CommandContext ctx, String typed) {
        return privacy.named(ctx.actor().id(), typed);
    }

    void requireLeader(CommandContext ctx, Community c, String action) {
        Leaders.require(communities, users, c, ctx.actor().id(), ctx.admin(), action);
    }

    /** The community's channels. */
    List<ChannelId> channels(Community c) {
        return communities.channels(c.name()).stream().map(Channel::id).toList();
    }

    /** The community's channels that {@code reader} may read now. */
    List<ChannelId> readable(Community c, UserId reader) {
        return channels(c).stream().filter(ch -> discussions.access().mayRead(reader, ch)).toList();
    }
}
