package dev.copbot.core.event;

import dev.copbot.core.testing.ManualSchedulers;
import dev.copbot.core.testing.OnEachStore;
import dev.copbot.core.testing.Replies;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.RecordingPort.Sent;
import dev.copbot.core.testing.RecordingPort;
import dev.copbot.core.testing.StoreKind;
import dev.copbot.core.testing.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared set-up of the event scenarios: a real store, the real bot with a recording chat port, and db-scheduler's
 * manual scheduler running the bot's real reminder tasks on a clock the test moves. The community data-science has
 * the channel #data-science; alice leads it, bob and carol are members.
 */
abstract class EventScenarios extends OnEachStore {
    static final Instant T0 = Instant.parse("2026-03-20T09:00:00Z"); // a Friday; Europe/Berlin goes to CEST on 29 March
    static final ChannelId CHANNEL = ChannelId.parse("console:data-science");
    static final String WEEKLY = "event create \"Lunch & learn\" 2026-03-22 12:00 tz:Europe/Berlin duration:45m "
            + "where:\"Room 4\" repeat:weekly description:\"Kafka consumer lag, with pizza\"";

    TestClock clock;
    RecordingPort port;
    CopBot bot;
    ManualScheduler scheduler;

    @BeforeEach
    void start() {
        clock = new TestClock(T0);
        boot();
        as("admin", "community create data-science channel:#data-science");
        as("admin", "community role data-science @alice leader");
        as("bob", "join data-science");
        as("carol", "join data-science");
        port.drain();
    }

    /** A process: the bot, its port, and a scheduler running the bot's tasks (the planner as a start task). */
    void boot() {
        port = new RecordingPort(clock);
        bot = new CopBot(db, BotSettings.defaults(), clock, new ChatPorts().register(port));
        scheduler = newScheduler();
        scheduler.start();
    }

    ManualScheduler newScheduler() {
        EventReminders reminders = bot.events().reminders();
        List<Task<?>> notices = reminders.tasks().stream().filter(t -> t.getName().equals(EventReminders.NOTICE_TASK)).toList();
        return ManualSchedulers.create(db, clock, notices, List.of(reminders.planner()));
    }

    void restart() {
        db = reopen(db, tmp);
        boot();
    }

    Reply as(String user, String command) {
        return bot.run(Inbound.CommandInvoked.of(Actor.of(UserId.console(user), user), CHANNEL, command));
    }

    Reply ok(String user, String command) {
        return Replies.ok(as(user, command));
    }

    Reply refused(String user, String command) {
        return Replies.refused(as(user, command));
    }

    Reply click(String user, MessageId message, Button button) {
        return bot.handle(new Inbound.ButtonClicked(Actor.of(UserId.console(user), user), message, button.action(),
                button.value(), Optional.empty())).orElseThrow();
    }

    /** Moves the clock, runs whatever db-scheduler finds due, and returns what the bot sent. */
    List<Sent> at(String instant) {
        clock.set(Instant.parse(instant));
        scheduler.runAnyDueExecutions();
        return port.drain();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> event(Reply reply) {
        return (Map<String, Object>) reply.data().get("event");
    }

    static List<Button> buttons(Reply announcement) {
        return announcement.blocks().stream().filter(b -> b instanceof Block.Actions)
                .flatMap(b -> ((Block.Actions) b).buttons().stream()).toList();
    }

    static String summary(List<Sent> sent) {
        return String.join("\n", sent.stream().map(s -> s.type() + " " + s.to() + " " + s.reply().text()).toList());
    }
}
