package dev.copbot.core.testing;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.testing.RecordingPort.Sent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the community-life scenarios: a real bot on a real store, a recording port, db-scheduler's manual
 * scheduler running the bot's jobs, and a clock the test moves. {@code #kafka} is the community's public channel,
 * {@code #secret} a private one of the same community that only erin and bob may read.
 */
public abstract class CommunityLifeFixture extends OnEachStore {
    protected static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z"); // a Monday, 09:00 in Berlin
    protected static final Channel KAFKA = new Channel(ChannelId.parse("console:kafka"), "kafka", Visibility.PUBLIC);
    protected static final Channel SECRET = new Channel(ChannelId.parse("console:secret"), "secret", Visibility.PRIVATE);
    protected static final Set<String> IN_SECRET = Set.of("erin", "bob");

    protected TestClock clock;
    protected RecordingPort port;
    protected CopBot bot;
    protected ManualScheduler scheduler;

    @BeforeEach
    protected void start() {
        clock = new TestClock(T0);
        boot();
    }

    @AfterEach
    protected void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /** A process: the bot, its port and a scheduler that knows every job of the bot. */
    protected void boot() {
        port = new RecordingPort(clock);
        port.readableBy((user, channel) -> !channel.equals(SECRET.id()) || IN_SECRET.contains(user.id()));
        bot = new CopBot(db, BotSettings.defaults(), clock, new ChatPorts().register(port));
        List<Task<?>> known = bot.jobs().stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        List<RecurringTask<?>> recurring = new ArrayList<>();
        bot.jobs().stream().filter(t -> t instanceof RecurringTask<?>).forEach(t -> recurring.add((RecurringTask<?>) t));
        scheduler = ManualSchedulers.create(db, clock, known, recurring);
        scheduler.start();
    }

    protected void restart() {
        scheduler.stop();
        db = kind().reopen(db, tmp);
        boot();
    }

    /** The community kafka with #kafka and #secret, alice as its leader. */
    protected void kafka() {
        ok("admin", "community create kafka channel:#kafka purpose:\"Streams, consumers and brokers\"");
        new CommunityStore(db).addChannel("kafka", SECRET, clock.instant());
        ok("admin", "community role kafka @alice leader");
    }

    protected void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    /** Moves the clock, runs what db-scheduler finds due, and returns what the bot sent. */
    protected List<Sent> runAt(String instant) {
        at(instant);
        scheduler.runAnyDueExecutions();
        return port.drain();
    }

    protected Reply as(String user, String command) {
        return bot.run(Inbound.CommandInvoked.of(Actor.of(UserId.console(user), user), KAFKA.id(), command));
    }

    protected Reply ok(String user, String command) {
        return Replies.ok(as(user, command));
    }

    protected Reply refused(String user, String command) {
        return Replies.refused(as(user, command));
    }

    /** Posts a message at the clock's time; {@code parent} is the thread root's id for a reply. */
    protected void post(Channel channel, String id, String author, String text, String parent) {
        bot.handle(new Inbound.MessagePosted(new Message(new MessageId(channel.id(), id), UserId.console(author), text,
                clock.instant(), Optional.ofNullable(parent).map(p -> new MessageId(channel.id(), p))), channel));
    }

    protected void react(Channel channel, String message, String user, String emoji) {
        bot.handle(new Inbound.ReactionAdded(new Reaction(new MessageId(channel.id(), message), UserId.console(user), emoji),
                clock.instant()));
    }

    protected void unreact(Channel channel, String message, String user, String emoji) {
        bot.handle(new Inbound.ReactionRemoved(new Reaction(new MessageId(channel.id(), message), UserId.console(user),
                emoji), clock.instant()));
    }

    protected static List<Sent> dms(List<Sent> sent, String to) {
        return sent.stream().filter(s -> s.type().equals("dm") && s.to().equals("console:" + to)).toList();
    }

    protected static List<Sent> digests(List<Sent> sent) {
        return sent.stream().filter(s -> s.reply().text().startsWith("Weekly digest of")).toList();
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Reply reply, String key) {
        return (Map<String, Object>) reply.data().get(key);
    }

    @SuppressWarnings("unchecked")
    protected static List<String> titles(Map<String, Object> digest, String section) {
        return ((List<Map<String, Object>>) digest.get(section)).stream().map(m -> (String) m.get("title")).toList();
    }
}
