package dev.copbot.app.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import dev.copbot.app.console.ConsoleChatPort;
import dev.copbot.app.console.ConsoleScript;
import dev.copbot.app.http.BotHttpServer;
import dev.copbot.app.http.CalendarRoute;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events in {@code copbot console --json} sessions on a real SQLite file, and the calendar feed over real HTTP. */
class EventConsoleSessionTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String WEEKLY = "event create \"Lunch & learn\" 2030-01-07 12:00 tz:Europe/Berlin duration:45m "
            + "where:\"Room 4\" repeat:weekly description:\"Bring questions\"";

    @TempDir
    Path data;

    Settings settings() {
        return new ConfigLoader(Map.of()).load(Optional.empty(), Optional.of(data));
    }

    List<JsonNode> session(String as, String... lines) throws Exception {
        return ConsoleScript.run(settings(), as, lines);
    }

    JsonNode one(String as, String line) throws Exception {
        List<JsonNode> r = session(as, line);
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void aLeaderAnnouncesAWeeklyEventMembersAnswerAndTheCalendarHoldsTheRule() throws Exception {
        assertThat(session("admin", "community create data-science channel:#data-science",
                "community role data-science @alice leader"))
                .allSatisfy(r -> assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue());

        JsonNode created = one("alice", WEEKLY);
        assertThat(created.get("ok").asBoolean()).as(created.toString()).isTrue();
        assertThat(created.get("command").asText()).isEqualTo("event create");
        JsonNode event = created.get("event");
        assertThat(event.get("id").asLong()).isEqualTo(1);
        assertThat(event.get("title").asText()).isEqualTo("Lunch & learn");
        assertThat(event.get("start").asText()).isEqualTo("2030-01-07T12:00+01:00");
        assertThat(event.get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(event.get("rrule").asText()).isEqualTo("FREQ=WEEKLY");
        assertThat(event.get("going").asInt()).isZero();
        assertThat(created.get("text").asText()).contains("Mon 7 Jan 2030, 11:00–11:45 UTC", "Announced in #data-science");
        // the console port shows what went to the channel: the announcement with its RSVP buttons
        assertThat(created.at("/sent/0/type").asText()).isEqualTo("post");
        assertThat(created.at("/sent/0/to").asText()).isEqualTo("#data-science");
        assertThat(created.at("/sent/0/text").asText()).contains("12:00–12:45 CET", "[Going] → /cop rsvp 1 going on:2030-01-07");

        assertThat(session("bob", "join data-science", "rsvp 1 going")).allSatisfy(r -> assertThat(r.get("ok").asBoolean()).isTrue());
        JsonNode carol = session("carol", "join data-science", "rsvp 1 maybe").get(1);
        assertThat(carol.at("/event/going").asInt()).isEqualTo(1);
        assertThat(carol.at("/event/maybe").asInt()).isEqualTo(1);
        assertThat(carol.at("/sent/0/type").asText()).isEqualTo("update"); // the announcement's counts, in place

        JsonNode list = one("carol", "events");
        assertThat(list.at("/events/0/id").asLong()).isEqualTo(1);
        assertThat(list.at("/events/0/start").asText()).isEqualTo("2030-01-07T12:00+01:00");
        assertThat(list.at("/events/0/going").asInt()).isEqualTo(1);
        assertThat(list.get("events")).hasSize(1); // years ahead, a series shows its next occurrence
        assertThat(list.get("text").asText()).contains("1 upcoming event", "Lunch & learn");

        JsonNode ics = one("carol", "event ics 1");
        assertThat(ics.get("ics").asText()).contains("RRULE:FREQ=WEEKLY", "DTSTART;TZID=Europe/Berlin:20300107T120000",
                "UID:event-1-data-science@copbot", "LOCATION:Room 4");
        assertThat(ics.get("filename").asText()).isEqualTo("event-1.ics");

        JsonNode who = one("alice", "event who 1");
        assertThat(who.at("/attendees/going/0").asText()).isEqualTo("console:bob");
        assertThat(who.at("/attendees/maybe/0").asText()).isEqualTo("console:carol");

        JsonNode refused = one("dave", "event create \"Mine\" 2030-01-08 12:00");
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.get("error").asText()).contains("Only leaders and sponsors of data-science");
        assertThat(one("dave", "events").get("events")).hasSize(1); // still only alice's series

        JsonNode past = one("alice", "event create \"Old\" 2020-01-01 12:00");
        assertThat(past.get("ok").asBoolean()).isFalse();
        assertThat(past.get("error").asText()).contains("is in the past");
    }

    @Test
    void theCommunityFeedIsServedOverHttp() throws Exception {
        session("admin", "community create data-science channel:#data-science", WEEKLY, "event cancel 1 on:2030-01-14");
        HttpClient client = HttpClient.newHttpClient();
        try (BotRuntime runtime = BotRuntime.start(settings(), Clock.systemUTC(), new ConsoleChatPort());
             BotHttpServer http = new BotHttpServer()
                     .route(CalendarRoute.PREFIX, new CalendarRoute(runtime.bot().events())).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + http.port();
            var feed = client.send(HttpRequest.newBuilder(URI.create(base + "/calendar/data-science.ics")).build(),
                    BodyHandlers.ofString());
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("content-type")).contains("text/calendar; charset=utf-8");
            assertThat(feed.body()).contains("BEGIN:VCALENDAR", "X-WR-CALNAME:data-science (CoP Bot)", "RRULE:FREQ=WEEKLY",
                    "EXDATE;TZID=Europe/Berlin:20300114T120000", "SEQUENCE:1", "BEGIN:VTIMEZONE");
            var unknown = client.send(HttpRequest.newBuilder(URI.create(base + "/calendar/nosuch.ics")).build(),
                    BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);
            var bad = client.send(HttpRequest.newBuilder(URI.create(base + "/calendar/../etc/passwd")).build(),
                    BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(404);
        }
    }
}
