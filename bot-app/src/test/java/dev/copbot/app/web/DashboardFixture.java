package dev.copbot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.app.http.BotHttpServer;
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
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.RecordingPort;
import dev.copbot.core.testing.TestClock;
import dev.copbot.core.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A real bot on a real store behind the real HTTP server, as the console knows it: kafka (public #kafka, alice leads,
 * bob and alice are members, a solved and an unanswered question, an event next week) and secret-club, whose only
 * channel #secret is private and readable by erin alone. {@code console:admin} is the bot's admin.
 */
final class DashboardFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Channel KAFKA = new Channel(ChannelId.parse("console:kafka"), "kafka", Visibility.PUBLIC);
    static final Channel SECRET = new Channel(ChannelId.parse("console:secret"), "secret", Visibility.PRIVATE);

    final TestClock clock = new TestClock(T0.minus(Duration.ofDays(40)));
    final Database db;
    final CopBot bot;
    final BotHttpServer http;
    final String base;

    DashboardFixture(Path dir) throws IOException {
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        db = TestDatabases.sqlite(dir);
        RecordingPort chat = new RecordingPort(clock);
        chat.readableBy((user, channel) -> !channel.equals(SECRET.id()) || user.id().equals("erin"));
        bot = new CopBot(db, BotSettings.defaults().withPublicUrl(Optional.of(base)), clock, new ChatPorts().register(chat));
        seed();
        http = new BotHttpServer().route(DashboardRoute.PREFIX, new DashboardRoute(bot, Optional.of(base)))
                .start("127.0.0.1", port);
    }

    private void seed() {
        ok("admin", "community create kafka channel:#kafka purpose:\"Streams, consumers and brokers\"");
        ok("admin", "community role kafka @alice leader");
        ok("admin", "community create secret-club purpose:\"Erin's private circle\"");
        new CommunityStore(db).addChannel("secret-club", SECRET, clock.instant());
        ok("alice", "join kafka");
        ok("bob", "join kafka");
        ok("erin", "join secret-club");
        clock.set(T0.minus(Duration.ofDays(5)));
        post(KAFKA, "q1", "bob", "Consumer lag after every deploy", null);
        clock.set(T0.minus(Duration.ofDays(5)).plus(Duration.ofMinutes(45)));
        post(KAFKA, "q1a", "alice", "Raise max.poll.interval.ms and check the rebalance logs", "q1");
        bot.handle(new Inbound.ReactionAdded(new Reaction(new MessageId(KAFKA.id(), "q1a"), UserId.console("bob"),
                "white_check_mark"), clock.instant()));
        clock.set(T0.minus(Duration.ofDays(2)));
        post(KAFKA, "q2", "bob", "Which schema registry version do we run?", null);
        post(SECRET, "s1", "erin", "The secret roadmap for consumer groups", null);
        clock.set(T0);
        ok("alice", "event create \"Kafka clinic\" 2026-11-30 12:00 tz:UTC duration:60m community:kafka");
    }

    void post(Channel channel, String id, String author, String text, String parent) {
        bot.handle(new Inbound.MessagePosted(new Message(new MessageId(channel.id(), id), UserId.console(author), text,
                clock.instant(), Optional.ofNullable(parent).map(p -> new MessageId(channel.id(), p))), channel));
    }

    Reply run(String user, String command) {
        return bot.run(Inbound.CommandInvoked.of(Actor.of(UserId.console(user), user), KAFKA.id(), command));
    }

    Reply ok(String user, String command) {
        Reply r = run(user, command);
        assertThat(r.ok()).as(command + ": " + r.text()).isTrue();
        return r;
    }

    /** The sign-in link {@code /cop dashboard} gives the console user, as the console would print it. */
    String link(String user) {
        String url = (String) ok(user, "dashboard").data().get("url");
        assertThat(url).startsWith(base + "/dashboard/sign-in/");
        return url;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        http.close();
        db.close();
    }
}
