package dev.copbot.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
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
import dev.copbot.core.reply.PlainText;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.ManualSchedulers;
import dev.copbot.core.testing.RecordingPort;
import dev.copbot.core.testing.TestClock;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /cop ask end to end on a real store, with db-scheduler's manual scheduler and a clock the test moves. */
class AskExpertsTest {
    static final Channel KAFKA = new Channel(ChannelId.parse("console:kafka"), "kafka", Visibility.PUBLIC);
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path tmp;
    Database db;
    TestClock clock;
    RecordingPort port;
    CopBot bot;
    ManualScheduler scheduler;

    @BeforeEach
    void start() {
        db = TestDatabases.sqlite(tmp);
        clock = new TestClock(T0);
        boot();
        as("admin", "community create kafka channel:#kafka");
        for (String u : List.of("alice", "bob")) {
            as(u, "join kafka");
        }
        // Five people answered kafka threads; e1 most and best, e5 least.
        int t = 0;
        for (String expert : List.of("e1", "e1", "e1", "e2", "e2", "e3", "e3", "e4", "e5")) {
            String root = "t" + t;
            post(root, "asker" + t, "*Kafka consumer lag after deploy " + t + "*\nconsumer lag grows", null);
            post(root + "r", expert, "Tune the consumer poll interval.", root);
            bot.handle(new Inbound.ReactionAdded(new Reaction(new MessageId(KAFKA.id(), root + "r"),
                    UserId.console("asker" + t), "white_check_mark"), T0));
            t++;
        }
        port.drain();
    }

    @AfterEach
    void stop() {
        db.close();
    }

    void boot() {
        port = new RecordingPort(clock);
        bot = new CopBot(db, BotSettings.defaults(), clock, new ChatPorts().register(port));
        bot.discussions().reconcile(); // as BotRuntime does on start: the index here lives in memory
        scheduler = ManualSchedulers.create(db, clock, bot.asks().tasks());
        scheduler.start();
    }

    void restart() {
        scheduler.stop();
        db.close();
        db = TestDatabases.sqlite(tmp);
        boot();
    }

    void post(String id, String author, String text, String parent) {
        bot.handle(new Inbound.MessagePosted(new Message(new MessageId(KAFKA.id(), id), UserId.console(author), text,
                clock.instant(), Optional.ofNullable(parent).map(p -> new MessageId(KAFKA.id(), p))), KAFKA));
    }

    Reply as(String user, String command) {
        return bot.run(Inbound.CommandInvoked.of(Actor.of(UserId.console(user), user), KAFKA.id(), command));
    }

    /** Asks and routes a question; returns (question id, who got a DM). */
    String askAndRoute(String user, String question) {
        Reply asked = as(user, "ask " + question);
        assertThat(asked.ok()).as(asked.text()).isTrue();
        String id = (String) asked.data().get("question");
        Reply routed = as(user, "ask-experts " + id);
        assertThat(routed.ok()).as(routed.text()).isTrue();
        return id;
    }

    List<String> dms() {
        return port.drain().stream().filter(s -> s.type().equals("dm")).map(s -> UserId.parse(s.to()).id()).toList();
    }

    void runDueAt(Instant at) {
        clock.set(at);
        scheduler.runAnyDueExecutions();
    }

    @Test
    void showsSolvedThreadsThenPostsTheQuestionAndAsksTheTopThree() {
        Reply asked = as("alice", "ask why does kafka consumer lag grow after every deploy?");
        assertThat(asked.ok()).isTrue();
        assertThat((List<?>) asked.data().get("solved")).isNotEmpty();
        assertThat(PlainText.render(asked)).contains("[Ask the experts] → /cop ask-experts q");

        Reply routed = as("alice", "ask-experts " + asked.data().get("question"));
        assertThat(routed.data().get("asked")).isEqualTo(List.of("e1", "e2", "e3"));
        var sent = port.drain();
        assertThat(sent).filteredOn(s -> s.type().equals("post")).singleElement()
                .satisfies(s -> assertThat(s.reply().text()).startsWith("Question from alice: why does kafka"));
        assertThat(sent).filteredOn(s -> s.type().equals("dm")).hasSize(3)
                .allSatisfy(s -> assertThat(s.reply().text()).contains("alice asked in kafka", "https://chat.example/kafka/"));
        assertThat(sent).hasSize(4);

        assertThat(as("alice", "ask-experts " + asked.data().get("question")).text()).contains("already sent");
        Reply other = as("bob", "ask why is the kafka consumer lag so high today?");
        assertThat(as("alice", "ask-experts " + other.data().get("question")).text()).contains("Only the person who asked");
    }

    @Test
    void theReplyNamesTheChannelAndHighlightsOnlyTheWordsThatMatter() {
        post("tls", "carol", "*Rotating the TLS certificate*\nHow do we rotate the kafka TLS certificate when it expires?", null);
        post("tlsr", "e1", "We rotate it with the cert-manager job.", "tls");
        bot.handle(new Inbound.ReactionAdded(new Reaction(new MessageId(KAFKA.id(), "tlsr"), UserId.console("carol"),
                "white_check_mark"), T0));
        Reply asked = as("alice", "ask How do we rotate the kafka TLS certificate?");
        assertThat(asked.text()).contains("your question goes to #kafka as a thread").doesNotContain("#channel");
        String snippets = PlainText.render(asked);
        assertThat(snippets).contains("**rotate**", "**TLS**", "**certificate**")
                .doesNotContain("**How**", "**do**", "**we**", "**We**");
    }

    @Test
    void eachExpertIsAskedAtMostOnceADayPerCommunityAndSnoozeIsRespected() {
        askAndRoute("alice", "why does kafka consumer lag grow after every deploy?");
        assertThat(dms()).containsExactly("e1", "e2", "e3");
        assertThat(as("e4", "expert snooze").ok()).isTrue();
        askAndRoute("bob", "how do we bring kafka consumer lag down quickly?");
        assertThat(dms()).containsExactly("e5");

        clock.set(T0.plusSeconds(86_400));
        assertThat(as("e4", "expert snooze off").ok()).isTrue();
        assertThat(as("e5", "expert snooze until:2026-12-24").text()).contains("until the end of 2026-12-24.");
        assertThat(as("e5", "expert snooze off").ok()).isTrue();
        askAndRoute("bob", "what kafka consumer lag is normal for us?");
        assertThat(dms()).containsExactly("e1", "e2", "e3");
    }

    @Test
    void anUnansweredQuestionGoesToTheNextExpertsOnceEvenAcrossARestart() {
        askAndRoute("alice", "why does kafka consumer lag grow after every deploy?");
        assertThat(dms()).containsExactly("e1", "e2", "e3");
        runDueAt(T0.plusSeconds(23 * 3600));
        assertThat(dms()).isEmpty();

        restart();
        runDueAt(T0.plusSeconds(24 * 3600 + 60));
        assertThat(dms()).containsExactly("e4", "e5");
        runDueAt(T0.plusSeconds(48 * 3600));
        restart();
        runDueAt(T0.plusSeconds(72 * 3600));
        assertThat(dms()).isEmpty();
    }

    @Test
    void anAnsweredQuestionIsNotEscalated() {
        String id = askAndRoute("alice", "why does kafka consumer lag grow after every deploy?");
        var posted = port.drain().stream().filter(s -> s.type().equals("post")).findFirst().orElseThrow();
        post("answer1", "e2", "Raise max.poll.records.", posted.messageId());
        runDueAt(T0.plusSeconds(25 * 3600));
        assertThat(dms()).as("question %s", id).isEmpty();
    }

    @Test
    void peopleAskedTodayElsewhereComeAfterThoseWhoWereNot() {
        askAndRoute("alice", "why does kafka consumer lag grow after every deploy?");
        assertThat(dms()).containsExactly("e1", "e2", "e3");
        Channel streams = new Channel(ChannelId.parse("console:streams"), "streams", Visibility.PUBLIC);
        as("admin", "community create streams channel:#streams");
        as("carol", "join streams");
        // e1 answered two stream threads (accepted), e6 one plain answer: e1 ranks first in streams.
        int t = 0;
        for (String[] answer : new String[][] {{"e1", "white_check_mark"}, {"e1", "white_check_mark"}, {"e6", null}}) {
            String root = "s" + t;
            postIn(streams, root, "sasker" + t, "*Streams state store restore " + t + "*\nrestore is slow", null);
            postIn(streams, root + "r", answer[0], "Use standby replicas.", root);
            if (answer[1] != null) {
                bot.handle(new Inbound.ReactionAdded(new Reaction(new MessageId(streams.id(), root + "r"),
                        UserId.console("sasker" + t), answer[1]), T0));
            }
            t++;
        }
        port.drain();
        Reply asked = bot.run(Inbound.CommandInvoked.of(Actor.of(UserId.console("carol"), "carol"), streams.id(),
                "ask why is the streams state store restore so slow?"));
        assertThat(asked.ok()).as(asked.text()).isTrue();
        Reply routed = bot.run(Inbound.CommandInvoked.of(Actor.of(UserId.console("carol"), "carol"), streams.id(),
                "ask-experts " + asked.data().get("question")));
        assertThat(routed.data().get("asked")).isEqualTo(List.of("e6", "e1"));
        assertThat(port.drain()).filteredOn(s -> s.type().equals("dm")).first()
                .satisfies(s -> assertThat(s.reply().text()).contains("Why you: 1 other answer on matching threads"));
    }

    void postIn(Channel channel, String id, String author, String text, String parent) {
        bot.handle(new Inbound.MessagePosted(new Message(new MessageId(channel.id(), id), UserId.console(author), text,
                clock.instant(), Optional.ofNullable(parent).map(p -> new MessageId(channel.id(), p))), channel));
    }
}
