package dev.copbot.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.OnEachStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Private stays private, through the real bot: {@code kafka} has a public channel and a private one
 * ({@code #kafka-leads}); {@code incident} has only a private channel ({@code #ops-secret}). The lead is in both
 * private channels; the outsider is in neither; a person of another workspace sees nothing of workspace T1's private
 * channels. Each rule is asked by someone who may read and by someone who may not.
 */
abstract class PrivacyScenarios extends OnEachStore {
    static final Channel KAFKA = new Channel(ChannelId.parse("slack:T1:C100"), "kafka", Visibility.PUBLIC);
    static final Channel LEADS = new Channel(ChannelId.parse("slack:T1:G200"), "kafka-leads", Visibility.PRIVATE);
    static final Channel OPS = new Channel(ChannelId.parse("slack:T1:G300"), "ops-secret", Visibility.PRIVATE);
    static final String LEAD = "slack:T1:ULEAD";
    static final String OUTSIDER = "slack:T1:UOUT";
    static final String STRANGER = "slack:T2:UX";
    static final Instant T0 = BotDriver.CLOCK.instant().minusSeconds(3 * 24 * 3600);

    BotDriver bot;

    @BeforeEach
    void start() {
        bot = new BotDriver(db);
        Actor admin = new Actor(UserId.parse("slack:T1:UADMIN"), "ada", Optional.empty(), true);
        // The platform reports the private channels as private before they join a community (as messages or an import do).
        bot.indexChannel(LEADS, T0);
        bot.indexChannel(OPS, T0);
        assertThat(bot.as(admin, "community create kafka purpose:\"Streams\" channel:<#C100|kafka>").ok()).isTrue();
        assertThat(bot.as(admin, "community create incident purpose:\"Outage war room\" channel:<#G300|ops-secret>").ok())
                .isTrue();
        CommunityStore store = new CommunityStore(db);
        store.addChannel("kafka", LEADS, T0);
        store.grant("incident", UserId.parse(LEAD), Role.LEADER, UserId.parse("slack:T1:UADMIN"), T0);
        bot.bot().handle(new Inbound.MemberJoinedChannel(LEADS, UserId.parse(LEAD), T0));
        bot.bot().handle(new Inbound.MemberJoinedChannel(OPS, UserId.parse(LEAD), T0));
        bot.post(KAFKA, "1000.1", "slack:T1:UASK", "*Consumer lag keeps growing*\nafter a rebalance", null, T0);
        bot.post(LEADS, "2000.1", LEAD, "*Consumer lag budget for Q3*\nkeep it under a minute", null, T0);
        bot.post(OPS, "3000.1", LEAD, "*Consumer lag took down billing*\npostmortem draft", null, T0);
    }

    Reply as(String user, String command) {
        return bot.as(new Actor(UserId.parse(user), user, Optional.empty(), false), command);
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> channelsByCommunity(Reply r) {
        assertThat(r.ok()).as(r.text()).isTrue();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) r.data().get("communities")) {
            out.put((String) row.get("name"), (List<String>) row.get("channels"));
        }
        return out;
    }

    @Test
    void communitiesShowsPrivateChannelsAndHiddenCommunitiesOnlyToTheirReaders() {
        assertThat(channelsByCommunity(as(LEAD, "communities")))
                .containsEntry("kafka", List.of("#kafka", "#kafka-leads"))
                .containsEntry("incident", List.of("#ops-secret"));
        Reply outsider = as(OUTSIDER, "communities");
        assertThat(channelsByCommunity(outsider)).containsOnlyKeys("kafka").containsEntry("kafka", List.of("#kafka"));
        assertThat(BotDriver.text(outsider)).doesNotContain("kafka-leads").doesNotContain("ops-secret")
                .doesNotContain("incident").doesNotContain("war room");
        assertThat(channelsByCommunity(as(STRANGER, "communities"))).containsOnlyKeys("kafka")
                .containsEntry("kafka", List.of("#kafka"));
    }

    @Test
    void theAuditOfAnAdminOfAnotherWorkspaceLeavesOutCommunitiesTheyCannotSee() {
        Actor otherAdmin = new Actor(UserId.parse("slack:T2:UADMIN"), "zed", Optional.empty(), true);
        Reply audit = bot.as(otherAdmin, "audit");
        assertThat(audit.ok()).as(audit.text()).isTrue();
        assertThat(BotDriver.text(audit)).contains("kafka").doesNotContain("incident");
        Actor ownAdmin = new Actor(UserId.parse("slack:T1:UADMIN"), "ada", Optional.empty(), true);
        assertThat(BotDriver.text(bot.as(ownAdmin, "audit"))).contains("kafka");
        bot.bot().handle(new Inbound.MemberJoinedChannel(OPS, UserId.parse("slack:T1:UADMIN"), T0));
        assertThat(BotDriver.text(bot.as(ownAdmin, "audit"))).as("once they can read its channel").contains("incident");
    }

    @Test
    void kudosIntoAHiddenCommunityAnswerLikeAMissingOne() {
        as(OUTSIDER, "join kafka");
        Reply hidden = as(OUTSIDER, "kudos <@ULEAD> for the postmortem community:incident");
        Reply missing = as(OUTSIDER, "kudos <@ULEAD> for the postmortem community:nosuch");
        assertThat(hidden.ok()).isFalse();
        assertThat(hidden.text()).isEqualTo(missing.text().replace("nosuch", "incident"));
        Reply lead = as(LEAD, "kudos <@UOUT> for the review community:incident");
        assertThat(lead.ok()).as(lead.text()).isTrue();
    }

    @Test
    void aHiddenCommunityCannotBeJoinedOrGuessedBySuggestion() {
        Reply hidden = as(OUTSIDER, "join incident");
        Reply missing = as(OUTSIDER, "join nosuch");
        assertThat(hidden.ok()).isFalse();
        assertThat(hidden.text()).isEqualTo(missing.text().replace("nosuch", "incident"));
        assertThat(as(OUTSIDER, "join inciden").text()).doesNotContain("incident'");
        assertThat(as(LEAD, "join inciden").text()).contains("Did you mean 'incident'?");
        Reply joined = as(OUTSIDER, "join kafka");
        assertThat(joined.ok()).isTrue();
        assertThat(BotDriver.text(joined)).doesNotContain("kafka-leads");
        @SuppressWarnings("unchecked")
        Map<String, Object> community = (Map<String, Object>) joined.data().get("community");
        assertThat(community.get("channels")).isEqualTo(List.of("kafka"));
    }

    @Test
    void searchAnswersAChannelYouCannotReadLikeOneThatDoesNotExist() {
        String nowhere = as(OUTSIDER, "search lag in:#nowhere").text();
        assertThat(nowhere).contains("no channel #nowhere");
        assertThat(as(OUTSIDER, "search lag in:#kafka-leads").text()).isEqualTo(nowhere.replace("nowhere", "kafka-leads"));
        assertThat(as(OUTSIDER, "search lag in:<#G200|kafka-leads>").text())
                .isEqualTo(nowhere.replace("nowhere", "kafka-leads"));
        assertThat(as(OUTSIDER, "search lag in:<#G999|ghost>").text()).isEqualTo(nowhere.replace("nowhere", "ghost"));
        // From another workspace, T1's private channel, T1's public one and a channel nobody has all answer alike.
        assertThat(as(STRANGER, "search lag in:#kafka-leads").text()).isEqualTo(nowhere.replace("nowhere", "kafka-leads"));
        assertThat(as(STRANGER, "search lag in:<#G200|kafka-leads>").text()).isEqualTo(nowhere.replace("nowhere", "kafka-leads"));
        assertThat(as(STRANGER, "search lag in:#nowhere").text()).isEqualTo(nowhere);

        Reply lead = as(LEAD, "search lag in:#kafka-leads");
        assertThat(lead.ok()).as(lead.text()).isTrue();
        assertThat(lead.text()).startsWith("1 thread match");
    }

    @Test
    void searchInAHiddenCommunityAnswersLikeAMissingOne() {
        Reply hidden = as(OUTSIDER, "search lag community:incident");
        Reply missing = as(OUTSIDER, "search lag community:nosuch");
        assertThat(hidden.ok()).isFalse();
        assertThat(hidden.text()).isEqualTo(missing.text().replace("nosuch", "incident"));
        assertThat(as(STRANGER, "search lag community:incident").text()).isEqualTo(hidden.text());
        Reply lead = as(LEAD, "search lag community:incident");
        assertThat(lead.ok()).as(lead.text()).isTrue();
        assertThat(BotDriver.text(lead)).contains("took down billing");
    }

    @Test
    void healthAndDigestOfAHiddenCommunityAnswerLikeAMissingOne() {
        for (String command : List.of("health incident", "digest incident")) {
            Reply hidden = as(OUTSIDER, command);
            assertThat(hidden.ok()).as(command).isFalse();
            assertThat(hidden.text()).as(command).isEqualTo(as(OUTSIDER, command.replace("incident", "nosuch")).text()
                    .replace("nosuch", "incident")).doesNotContain("ULEAD").doesNotContain("Only leaders");
        }
        assertThat(as(LEAD, "health incident").ok()).isTrue();
        Reply digest = as(LEAD, "digest incident");
        assertThat(digest.ok()).isTrue();
        assertThat(BotDriver.text(digest)).contains("Weekly digest of incident");
        // With no community named, the outsider is offered only what they may see.
        Reply mine = as(OUTSIDER, "digest");
        assertThat(mine.ok()).as(mine.text()).isTrue();
        assertThat(BotDriver.text(mine)).contains("Weekly digest of kafka").doesNotContain("incident")
                .doesNotContain("budget for Q3").doesNotContain("kafka-leads");
    }

    @Test
    void eventsOfAHiddenCommunityAreListedOnlyForItsReaders() {
        Reply created = as(LEAD, "event create \"Postmortem review\" 2026-12-01 15:00 tz:UTC community:incident");
        assertThat(created.ok()).as(created.text()).isTrue();
        assertThat(BotDriver.text(as(LEAD, "events"))).contains("Postmortem review");
        assertThat(BotDriver.text(as(OUTSIDER, "events"))).doesNotContain("Postmortem review");
        assertThat(as(OUTSIDER, "events incident").text()).contains("There is no community named 'incident'");
        @SuppressWarnings("unchecked")
        long id = ((Number) ((Map<String, Object>) created.data().get("event")).get("id")).longValue();
        for (String command : List.of("event ics %d", "rsvp %d going", "event who %d", "event cancel %d",
                "event edit %d title:\"Hijacked\"")) {
            Reply hidden = as(OUTSIDER, command.formatted(id));
            assertThat(hidden.ok()).as(command).isFalse();
            assertThat(hidden.text()).as(command).isEqualTo(as(OUTSIDER, command.formatted(999)).text()
                    .replace("999", Long.toString(id)));
        }
        assertThat(as(LEAD, "event ics " + id).ok()).isTrue();
        assertThat(as(LEAD, "rsvp " + id + " going").ok()).isTrue();
    }

    @Test
    void expertsAskAndLeaderboardOfAHiddenCommunityAnswerLikeAMissingOne() {
        for (String command : List.of("experts lag community:incident", "ask why does consumer lag grow? community:incident",
                "leaderboard incident month", "leaderboard incident")) {
            Reply hidden = as(OUTSIDER, command);
            Reply missing = as(OUTSIDER, command.replace("incident", "nosuch"));
            assertThat(hidden.ok()).as(command).isFalse();
            assertThat(hidden.text()).as(command).isEqualTo(missing.text().replace("nosuch", "incident"));
            assertThat(as(LEAD, command).ok()).as(command + " by the lead").isTrue();
        }
    }
}
