package dev.copbot.core.life;

import dev.copbot.core.testing.CommunityLifeFixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.testing.RecordingPort.Sent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The welcome on both kinds of join, and the weekly digest: its sections, its privacy, once per period. */
abstract class DigestScenarios extends CommunityLifeFixture {

    /** A week of kafka: a solved thread, an open question, a private solved thread, kudos, an event, new members. */
    void aWeekOfKafka() {
        kafka();
        ok("alice", "community digest kafka day:monday time:09:00 tz:Europe/Berlin");
        for (String u : List.of("bob", "carol", "dave", "erin")) {
            ok(u, "join " + "kafka");
        }
        ok("carol", "digest kafka dm:on");
        ok("erin", "digest kafka dm:on");
        at("2026-11-03T10:00:00Z");
        post(KAFKA, "t1", "carol", "*Consumer lag after every deploy*\nlag grows to millions", null);
        post(KAFKA, "t1r", "bob", "Raise max.poll.interval.ms; the rebalance is what you see.", "t1");
        react(KAFKA, "t1r", "carol", "white_check_mark");
        at("2026-11-04T10:00:00Z");
        post(KAFKA, "t2", "dave", "How do we version schemas in the registry?", null);
        post(SECRET, "s1", "erin", "Secret incident: broker disk full", null);
        post(SECRET, "s1r", "bob", "Rotate the segments and add a retention alert.", "s1");
        react(SECRET, "s1r", "erin", "white_check_mark");
        at("2026-11-05T10:00:00Z");
        ok("carol", "kudos @bob for the lag fix");
        ok("alice", "event create \"Kafka meetup\" 2026-11-12 12:00 tz:UTC community:kafka");
        port.drain();
    }

    @Test
    void theWeeklyDigestGoesOutOncePerPeriodAcrossARestartAndKeepsPrivateThreadsPrivate() {
        aWeekOfKafka();
        assertThat(digests(runAt("2026-11-09T07:59:00Z"))).as("not due before Monday 09:00 Berlin").isEmpty();

        List<Sent> sent = runAt("2026-11-09T08:05:00Z");
        List<Sent> posted = digests(sent).stream().filter(s -> s.type().equals("post")).toList();
        assertThat(posted).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo("console:kafka");
            assertThat(s.reply().ephemeral()).isFalse();
            Map<String, Object> d = map(s.reply(), "digest");
            assertThat(titles(d, "solved")).containsExactly("Consumer lag after every deploy");
            assertThat(titles(d, "unanswered")).containsExactly("How do we version schemas in the registry?");
            assertThat(d.get("newMembers")).isEqualTo(List.of("bob", "carol", "dave", "erin"));
            assertThat(s.text()).contains("1 event coming up.", "Kafka meetup", "carol → bob: the lag fix", "https://chat.example/kafka/t1")
                    .doesNotContain("Secret incident");
        });
        assertThat(dms(sent, "carol")).singleElement().satisfies(s -> assertThat(s.text()).doesNotContain("Secret"));
        assertThat(dms(sent, "erin")).singleElement().satisfies(s -> assertThat(titles(map(s.reply(), "digest"), "solved"))
                .containsExactlyInAnyOrder("Consumer lag after every deploy", "Secret incident: broker disk full"));
        assertThat(digests(sent)).hasSize(3);

        assertThat(digests(runAt("2026-11-09T08:30:00Z"))).as("once per period").isEmpty();
        restart();
        assertThat(digests(runAt("2026-11-09T09:00:00Z"))).as("once per period, after a restart too").isEmpty();
        assertThat(digests(runAt("2026-11-16T07:59:00Z"))).isEmpty();

        List<Sent> next = digests(runAt("2026-11-16T08:05:00Z")); // the job runs every 5 minutes
        assertThat(next).filteredOn(s -> s.type().equals("post")).singleElement().satisfies(s -> {
            Map<String, Object> d = map(s.reply(), "digest");
            assertThat(titles(d, "solved")).isEmpty();
            assertThat(titles(d, "unanswered")).containsExactly("How do we version schemas in the registry?");
            assertThat(d.get("newMembers")).isEqualTo(List.of());
        });
        assertThat(next).hasSize(3);
    }

    @Test
    void unsubscribingStopsTheDmAndScheduleOffStopsTheDigest() {
        aWeekOfKafka();
        ok("carol", "digest kafka dm:off");
        assertThat(refused("bob", "community digest kafka off").text()).contains("Only leaders of kafka (admin, alice)");
        assertThat(refused("alice", "community digest kafka day:someday").text()).contains("not a day of the week");
        assertThat(refused("alice", "community digest kafka tz:Mars/Olympus").text()).contains("not a time zone");
        assertThat(refused("zed", "digest kafka dm:on").text()).contains("/cop join kafka first");
        assertThat(refused("carol", "digest kafka dm:maybe").text()).contains("dm: takes on or off");
        List<Sent> sent = runAt("2026-11-09T08:05:00Z");
        assertThat(dms(sent, "carol")).isEmpty();
        assertThat(dms(sent, "erin")).hasSize(1);

        ok("alice", "community digest kafka off");
        assertThat(digests(runAt("2026-11-16T08:05:00Z"))).isEmpty();
        ok("alice", "community digest kafka on");
        assertThat(digests(runAt("2026-11-23T08:05:00Z"))).isNotEmpty();
    }

    @Test
    void digestOnDemandShowsWhatTheAskerMayRead() {
        aWeekOfKafka();
        at("2026-11-06T12:00:00Z");
        Map<String, Object> forErin = map(ok("erin", "digest kafka"), "digest");
        Map<String, Object> forDave = map(ok("dave", "digest kafka"), "digest");
        assertThat(titles(forErin, "solved")).contains("Secret incident: broker disk full");
        assertThat(titles(forDave, "solved")).containsExactly("Consumer lag after every deploy");
        assertThat(forDave.get("kudos")).asList().hasSize(1);
        assertThat(refused("dave", "digest kafak").text()).contains("Did you mean 'kafka'?");
    }

    @Test
    void aNewMemberIsWelcomedByDmOnTheJoinCommandAndOnJoiningTheChannel() {
        kafka();
        ok("alice", "community charter kafka ask:\"Start a thread in #kafka\"");
        ok("alice", "community welcome kafka text:\"Glad you're here! Introduce yourself in #kafka.\"");
        post(KAFKA, "t1", "carol", "Consumer lag after every deploy", null);
        post(KAFKA, "t1r", "bob", "Raise max.poll.interval.ms.", "t1");
        react(KAFKA, "t1r", "carol", "white_check_mark");
        post(SECRET, "s1", "erin", "Secret incident: broker disk full", null);
        post(SECRET, "s1r", "bob", "Rotate the segments.", "s1");
        react(SECRET, "s1r", "erin", "white_check_mark");
        ok("alice", "event create \"Kafka meetup\" 2026-11-12 12:00 tz:UTC community:kafka");
        port.drain();

        ok("dave", "join kafka");
        assertThat(dms(port.drain(), "dave")).singleElement().satisfies(s -> assertThat(s.text()).contains(
                "Welcome to kafka!", "Glad you're here!", "Start a thread in #kafka", "Leaders: admin, alice", "Kafka meetup",
                "Consumer lag after every deploy — https://chat.example/kafka/t1", "/cop ask", "/cop skills add")
                .doesNotContain("Secret incident"));

        bot.handle(new Inbound.MemberJoinedChannel(KAFKA, UserId.console("erin"), clock.instant()));
        assertThat(dms(port.drain(), "erin")).singleElement().satisfies(s -> assertThat(s.text())
                .contains("Welcome to kafka!", "Secret incident: broker disk full"));
        assertThat(map(ok("erin", "community info kafka"), "community").get("members")).isEqualTo(2L);
        bot.handle(new Inbound.MemberJoinedChannel(KAFKA, UserId.console("erin"), clock.instant()));
        assertThat(port.drain()).as("already a member: no second welcome").isEmpty();

        assertThat(refused("bob", "community welcome kafka text:\"hi\"").text()).contains("Only leaders of kafka");
        ok("alice", "community welcome kafka off");
        ok("frank", "join kafka");
        assertThat(dms(port.drain(), "frank")).singleElement().satisfies(s -> assertThat(s.text())
                .doesNotContain("Glad you're here!").contains("Welcome to kafka!"));
    }

    @Test
    void leadersAreAskedToReviewTheCharterOnceAYear() {
        kafka();
        assertThat(runAt("2027-11-01T08:00:00Z")).as("less than a year").isEmpty();
        List<Sent> due = runAt("2027-11-02T09:00:00Z");
        assertThat(dms(due, "alice")).singleElement().satisfies(s -> {
            assertThat(s.text()).contains("a year since the charter of kafka", "[Still right] → /cop community review kafka",
                    "[Edit the charter] → /cop community charter kafka");
        });
        assertThat(dms(runAt("2027-11-03T09:00:00Z"), "alice")).isEmpty();
        restart();
        assertThat(dms(runAt("2027-11-04T09:00:00Z"), "alice")).as("once, across a restart").isEmpty();

        Reply reviewed = ok("alice", "community review kafka");
        assertThat(reviewed.text()).contains("confirmed");
        assertThat(dms(runAt("2028-11-02T09:00:00Z"), "alice")).as("a year after the review, not the founding").isEmpty();
        assertThat(dms(runAt("2028-11-03T09:05:00Z"), "alice")).hasSize(1);
        assertThat(refused("bob", "community review kafka").text()).contains("Only leaders");
    }
}
