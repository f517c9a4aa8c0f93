package dev.copbot.core.life;

import dev.copbot.core.testing.CommunityLifeFixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.community.Community;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Reply;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.copbot.core.reply.PlainText;

/** Each health figure on a small fixture computed by hand, and the audit's flags. */
abstract class HealthScenarios extends CommunityLifeFixture {

    /**
     * kafka since 1 October with members m1..m4; the window is 2 Nov to 2 Dec. By hand: active m1, m2, m3 (posts),
     * x (a non-member's post) and y (a non-member's reaction) = 5, of whom 3 members = 75% of 4; questions q1..q4 = 4
     * asked; q1, q2, q4 answered = 75% (q3 has only its asker's reply); first answers after 30, 120 and 240 minutes,
     * median 120; q1 solved = 25%; the weekly event was held on 10 Nov (2 going), 17 Nov (1) and 1 Dec (0), 24 Nov
     * cancelled: 3 held, 1.0 going on average. The window before holds q0 only (asked 1, answered 0), no events.
     */
    void handComputedMonth() {
        at("2026-10-01T00:00:00Z");
        kafka();
        for (String m : List.of("m1", "m2", "m3", "m4")) {
            ok(m, "join kafka");
        }
        ok("alice", "event create \"Kafka clinic\" 2026-11-10 12:00 tz:UTC duration:60m repeat:weekly community:kafka");
        ok("m1", "rsvp 1 going on:2026-11-10");
        ok("m2", "rsvp 1 going on:2026-11-10");
        ok("m3", "rsvp 1 going on:2026-11-17");
        ok("m4", "rsvp 1 going on:2026-11-24");
        ok("alice", "event cancel 1 on:2026-11-24");
        at("2026-10-20T10:00:00Z");
        post(KAFKA, "q0", "m1", "Old question nobody answered", null);
        at("2026-11-03T10:00:00Z");
        post(KAFKA, "q1", "m1", "Consumer lag after deploy", null);
        at("2026-11-03T10:30:00Z");
        post(KAFKA, "q1a", "m2", "Raise max.poll.interval.ms", "q1");
        react(KAFKA, "q1a", "m1", "white_check_mark");
        at("2026-11-04T09:00:00Z");
        post(KAFKA, "q2", "m3", "Schema registry versions", null);
        at("2026-11-04T10:00:00Z");
        post(KAFKA, "q2b", "m3", "bump: anyone?", "q2");
        at("2026-11-04T11:00:00Z");
        post(KAFKA, "q2a", "m1", "Use subject-level compatibility", "q2");
        at("2026-11-05T09:00:00Z");
        post(KAFKA, "q3", "m2", "Broker disk alerts", null);
        post(KAFKA, "q3b", "m2", "I'll look myself", "q3");
        at("2026-11-06T08:00:00Z");
        post(KAFKA, "q4", "x", "ACLs for a new team", null);
        at("2026-11-06T12:00:00Z");
        post(KAFKA, "q4a", "m2", "Use prefixed ACLs", "q4");
        at("2026-11-07T12:00:00Z");
        react(KAFKA, "q1", "y", "+1");
        at("2026-12-02T00:00:00Z");
    }

    @Test
    void everyHealthFigureMatchesTheHandComputedFixture() {
        handComputedMonth();
        Reply reply = ok("alice", "health kafka");
        Map<String, Object> h = map(reply, "health");
        assertThat(h).containsEntry("from", "2026-11-02T00:00:00Z").containsEntry("to", "2026-12-02T00:00:00Z")
                .containsEntry("members", 4L).containsEntry("active", 5).containsEntry("activeMembers", 3)
                .containsEntry("activeShare", 0.75).containsEntry("asked", 4).containsEntry("answered", 3)
                .containsEntry("answerRate", 0.75).containsEntry("medianFirstAnswerMinutes", 120.0)
                .containsEntry("solved", 1).containsEntry("solvedShare", 0.25).containsEntry("eventsHeld", 3)
                .containsEntry("averageAttendance", 1.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) h.get("previous");
        assertThat(before).containsEntry("asked", 1).containsEntry("answered", 0).containsEntry("eventsHeld", 0)
                .containsEntry("active", 1).containsEntry("medianFirstAnswerMinutes", null);
        assertThat((List<?>) h.get("weekly")).hasSize(12);
        assertThat(reply.text()).contains("5 active, 4 questions, 75% answered");
        assertThat(PlainText.render(reply)).contains("Time to first answer: 2 h 0 min",
                "Questions: 4 asked (+3), 3 answered (75%)", "Only channels you can read count");
        Block.Image chart = reply.blocks().stream().filter(b -> b instanceof Block.Image).map(b -> (Block.Image) b)
                .findFirst().orElseThrow();
        assertThat(Arrays.copyOf(chart.png(), 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(chart.altText()).contains("2026-11-04 3/2/").contains("over the last 12 weeks");
    }

    @Test
    void communityInfoShowsActivityExpertsTheNextEventAndHealthAsTheViewerMaySeeThem() {
        handComputedMonth();
        Reply info = ok("m1", "community info kafka");
        Map<String, Object> c = map(info, "community");
        assertThat(c).containsEntry("members", 4L).containsEntry("activeMembers", 3)
                .containsEntry("channels", List.of("kafka")).containsEntry("experts", List.of("m2"))
                .containsEntry("health", "5 active, 4 questions, 75% answered");
        assertThat(c.get("nextEvent")).isEqualTo(Map.of("id", 1L, "title", "Kafka clinic", "start", "2026-12-08T12:00:00Z"));
        assertThat(PlainText.render(info)).contains("Members: 4", "Active members (30 days): 3 of 4 members",
                "Experts: m2", "Next event: Kafka clinic, Tue 2026-12-08 12:00 UTC (/cop rsvp 1 going)",
                "Health (30 days): 5 active, 4 questions, 75% answered").doesNotContain("#secret");
        assertThat(map(ok("erin", "community info kafka"), "community")).containsEntry("channels", List.of("kafka", "secret"));
    }

    @Test
    void healthIsForLeadersAndAdminsAndExplainsBadInput() {
        handComputedMonth();
        assertThat(refused("m2", "health kafka").text()).contains("Only leaders of kafka (admin, alice) and admins");
        assertThat(refused("alice", "health kafka period:all").text()).contains("needs a length");
        assertThat(refused("alice", "health kafka until:yesterday").text()).contains("write until:YYYY-MM-DD");
        assertThat(refused("alice", "health kafka period:fortnight").text()).contains("not a period");
        assertThat(refused("alice", "health kafak").text()).contains("Did you mean 'kafka'?");
        Map<String, Object> week = map(ok("admin", "health kafka period:7d until:2026-11-09"), "health");
        assertThat(week).containsEntry("asked", 4).containsEntry("answered", 3).containsEntry("eventsHeld", 0);
    }

    @Test
    void theAuditRanksByActivityAndFlagsInactiveCommunitiesAndLikelyDuplicates() {
        handComputedMonth();
        at("2026-10-01T00:00:00Z");
        ok("admin", "community create kafka-stream");
        ok("admin", "community create old-guild");
        ok("admin", "community create data-science purpose:\"Models, notebooks and pipelines for machine learning\"");
        ok("admin", "community create analytics purpose:\"Machine learning models and notebooks\"");
        for (String m : List.of("d1", "d2", "d3")) {
            ok(m, "join data-science");
            ok(m, "join analytics");
        }
        at("2026-12-02T00:00:00Z");
        assertThat(refused("m1", "audit").text()).contains("Only admins");
        Reply audit = ok("admin", "audit");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) map(audit, "audit").get("communities");
        assertThat(rows.get(0)).containsEntry("community", "kafka").containsEntry("inactive", false)
                .containsEntry("active", 5);
        assertThat(rows).filteredOn(r -> r.get("inactive").equals(true)).extracting(r -> r.get("community"))
                .containsExactlyInAnyOrder("kafka-stream", "old-guild", "data-science", "analytics");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pairs = (List<Map<String, Object>>) map(audit, "audit").get("duplicates");
        assertThat(pairs).extracting(p -> p.get("a") + "+" + p.get("b"))
                .containsExactlyInAnyOrder("kafka+kafka-stream", "analytics+data-science");
        assertThat(audit.text()).contains("Possible duplicates: analytics and data-science (purposes 80% alike; "
                + "3 of the 3 members of the smaller one in both)");
        Map<String, Object> lenient = map(ok("admin", "audit inactive:365d"), "audit");
        assertThat(lenient.get("inactiveDays")).isEqualTo(365);
    }

    /** What the web dashboard reads (LifeFigures) is what chat says, for a reader of #secret and for someone who is not. */
    @Test
    void healthOfTheLastThirtyDaysAndOfEachMonthIsWhatChatSays() {
        handComputedMonth();
        post(SECRET, "s1", "erin", "Private question", null);
        ok("admin", "community role kafka @erin leader");
        for (String viewer : List.of("alice", "erin")) {
            UserId who = UserId.console(viewer);
            Community kafka = bot.privacy().find(who, "kafka").orElseThrow();
            Instant now = clock.instant();
            Map<String, Object> web = bot.life().figures().health(kafka, who, now.minus(LifeFigures.DEFAULT_PERIOD), now).data();
            assertThat(web).as(viewer).isEqualTo(sameKeys(map(ok(viewer, "health kafka"), "health"), web)).containsEntry("members", 4L);
            List<HealthFigures> months = bot.life().figures().monthly(kafka, who, 12);
            assertThat(months).hasSize(12);
            HealthFigures november = months.get(10);
            assertThat(november.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
            assertThat(november.data()).isEqualTo(sameKeys(map(ok("alice", "health kafka period:30d until:2026-11-30"),
                    "health"), november.data()));
        }
    }

    @Test
    void theAuditIsTheSameReport() {
        handComputedMonth();
        ok("admin", "community create kafka-streams purpose:\"Streams and consumers\"");
        Map<String, Object> chat = map(ok("admin", "audit"), "audit");
        AuditReport web = bot.life().figures().audit(UserId.console("admin"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) chat.get("communities");
        assertThat(web.rows()).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            AuditReport.Row r = web.rows().get(i);
            assertThat(rows.get(i)).containsEntry("community", r.community().name()).containsEntry("actions", r.actions())
                    .containsEntry("active", r.active()).containsEntry("activeBefore", r.activeBefore())
                    .containsEntry("members", r.members()).containsEntry("inactive", r.inactive())
                    .containsEntry("shrinking", r.shrinking());
        }
        assertThat(web.duplicates()).extracting(AuditReport.Pair::b).containsExactly("kafka-streams");
        assertThat(chat.get("inactiveDays")).isEqualTo(web.inactiveDays());
    }

    private static Map<String, Object> sameKeys(Map<String, Object> chat, Map<String, Object> like) {
        Map<String, Object> out = new LinkedHashMap<>();
        like.keySet().forEach(k -> out.put(k, chat.get(k)));
        return out;
    }
}
