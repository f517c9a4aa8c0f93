package dev.copbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.reply.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calendar feeds over real HTTP: a public community's public address; a private community's public address answers
 * 404 like a community that does not exist; its members' secret addresses (from /cop event feed, with the configured
 * public URL) work until reset, after which the old one answers the same 404.
 */
class CalendarFeedHttpTest {
    static final String PUBLIC_URL = "https://copbot.example.com";
    static final Channel GUILD = new Channel(ChannelId.parse("slack:T1:C100"), "guild", Visibility.PUBLIC);
    static final Channel OPS = new Channel(ChannelId.parse("slack:T1:G300"), "ops-secret", Visibility.PRIVATE);
    static final Actor ADMIN = new Actor(UserId.parse("slack:T1:UADMIN"), "ada", Optional.empty(), true);
    static final Actor LEAD = Actor.of(UserId.parse("slack:T1:ULEAD"), "lee");
    static final Actor OUTSIDER = Actor.of(UserId.parse("slack:T1:UOUT"), "otto");

    @TempDir
    Path data;

    final HttpClient client = HttpClient.newHttpClient();

    static Reply run(CopBot bot, Actor actor, String command) {
        Reply r = bot.run(Inbound.CommandInvoked.of(actor, actor.id().channel("C100"), command));
        return r;
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), BodyHandlers.ofString());
    }

    /** The path of an address the bot gave, on this test's server. */
    static String path(Reply r) {
        assertThat(r.ok()).as(r.text()).isTrue();
        String url = (String) r.data().get("url");
        assertThat(url).startsWith(PUBLIC_URL + "/calendar/");
        assertThat(r.text()).contains(url);
        return url.substring(PUBLIC_URL.length());
    }

    @Test
    void privateCommunitiesHaveSecretPersonalFeedsThatResetRevokes() throws Exception {
        Settings settings = new ConfigLoader(Map.of("COPBOT_PUBLIC_URL", PUBLIC_URL + "/"))
                .load(Optional.empty(), Optional.of(data));
        Instant t0 = Instant.now().minusSeconds(60);
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC());
             BotHttpServer http = new BotHttpServer()
                     .route(CalendarRoute.PREFIX, new CalendarRoute(runtime.bot().events())).start("127.0.0.1", 0)) {
            CopBot bot = runtime.bot();
            bot.discussions().store().channels().upsert(OPS, t0);
            assertThat(run(bot, ADMIN, "community create guild channel:<#C100|guild>").ok()).isTrue();
            assertThat(run(bot, ADMIN, "community create incident channel:<#G300|ops-secret>").ok()).isTrue();
            bot.handle(new Inbound.MemberJoinedChannel(OPS, LEAD.id(), t0));
            assertThat(run(bot, ADMIN, "community role incident <@ULEAD> leader").ok()).isTrue();
            assertThat(run(bot, ADMIN, "event create \"Guild sync\" 2030-01-07 12:00 tz:UTC community:guild").ok()).isTrue();
            assertThat(run(bot, LEAD, "event create \"Postmortem\" 2030-01-08 12:00 tz:UTC community:incident").ok()).isTrue();
            int port = http.port();

            var guild = get(port, path(run(bot, OUTSIDER, "event feed guild")));
            assertThat(guild.statusCode()).isEqualTo(200);
            assertThat(guild.body()).contains("Guild sync");

            var missing = get(port, "/calendar/nosuch.ics");
            assertThat(missing.statusCode()).isEqualTo(404);
            var privatePublic = get(port, "/calendar/incident.ics");
            assertThat(privatePublic.statusCode()).isEqualTo(404);
            assertThat(privatePublic.body()).isEqualTo(missing.body());

            String first = path(run(bot, LEAD, "event feed incident"));
            assertThat(first).matches("/calendar/incident/[0-9a-f]{32}\\.ics");
            var feed = get(port, first);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("content-type")).contains("text/calendar; charset=utf-8");
            assertThat(feed.headers().firstValue("cache-control")).contains("private, max-age=300");
            assertThat(feed.body()).contains("BEGIN:VCALENDAR", "Postmortem").doesNotContain("Guild sync");

            assertThat(run(bot, OUTSIDER, "event feed incident").ok()).isFalse();
            assertThat(get(port, first.replace("/incident/", "/guild/")).body()).isEqualTo(missing.body());
            assertThat(get(port, "/calendar/incident/" + "0".repeat(32) + ".ics").body()).isEqualTo(missing.body());

            String second = path(run(bot, LEAD, "event feed reset incident"));
            assertThat(second).isNotEqualTo(first);
            var old = get(port, first);
            assertThat(old.statusCode()).isEqualTo(404);
            assertThat(old.body()).isEqualTo(missing.body());
            assertThat(get(port, second).statusCode()).isEqualTo(200);
        }
    }
}
