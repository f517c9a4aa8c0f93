package dev.copbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.slack.internal.EventTranslation;
import dev.copbot.slack.testing.FakeSlackApi;
import dev.copbot.slack.testing.SlackHarness;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events API callbacks over signed HTTP: each event handled once, even across a restart. */
class EventsTest {
    static final String JOINED = "{\"type\":\"member_joined_channel\",\"user\":\"U1\",\"channel\":\"C7\","
            + "\"channel_type\":\"C\",\"team\":\"T1\",\"event_ts\":\"1700000000.000300\"}";

    @TempDir
    Path tmp;

    static long members(SlackHarness h) {
        return h.db.count("SELECT COUNT(*) FROM memberships WHERE community = 'sre' AND user_id = 'slack:T1:U1'");
    }

    static void communityOnChannelC7(SlackHarness h) {
        h.db.update("INSERT INTO communities (name, created_by, created_at) VALUES ('sre', 'console:admin', 1)");
        h.db.update("INSERT INTO channels (id, name, visibility, updated_at) VALUES ('slack:T1:C7', 'sre', 'PUBLIC', 1)");
        h.db.update("INSERT INTO community_channels (community, channel_id, added_at) VALUES ('sre', 'slack:T1:C7', 1)");
    }

    @Test
    void anEventDeliveredFourTimesIsHandledOnceEvenAcrossARestart() throws Exception {
        String body = SlackPayloads.eventCallback("Ev0JOIN1", JOINED).body();
        try (SlackHarness h = new SlackHarness(tmp, Clock.systemUTC())) {
            communityOnChannelC7(h);
            assertThat(h.signed(SlackHarness.JSON, body).status()).isEqualTo(200);
            assertThat(members(h)).as("joining the community's channel joins the community").isEqualTo(1);

            // The member leaves; Slack's retries of the old join must not put them back.
            h.db.update("DELETE FROM memberships");
            for (int retry = 1; retry <= 2; retry++) {
                var answer = h.signed(SlackHarness.JSON, body, "X-Slack-Retry-Num", Integer.toString(retry),
                        "X-Slack-Retry-Reason", "http_timeout");
                assertThat(answer.status()).isEqualTo(200);
            }
            assertThat(members(h)).isZero();
        }
        try (SlackHarness restarted = new SlackHarness(tmp, Clock.systemUTC())) {
            var answer = restarted.signed(SlackHarness.JSON, body, "X-Slack-Retry-Num", "3",
                    "X-Slack-Retry-Reason", "http_timeout");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(members(restarted)).isZero();
            assertThat(restarted.db.count("SELECT COUNT(*) FROM inbound_receipts WHERE source = 'slack:T1'")).isEqualTo(1);
            assertThat(restarted.slack.callsBesidesAuth()).as("events answer nothing").isEmpty();
        }
    }

    @Test
    void aDeactivatedAccountLosesItsDashboardSessions() throws Exception {
        try (SlackHarness h = new SlackHarness(tmp, Clock.systemUTC())) {
            for (String user : new String[] {"U1", "U2"}) {
                h.db.update("INSERT INTO dashboard_sessions (session_hash, user_id, display_name, admin, csrf_token, "
                        + "created_at, expires_at) VALUES (?, ?, 'x', 0, 'c', 1, ?)", "hash-" + user, "slack:T1:" + user,
                        Long.MAX_VALUE);
            }
            String renamed = "{\"type\":\"user_change\",\"user\":{\"id\":\"U2\",\"team_id\":\"T1\",\"deleted\":false},"
                    + "\"event_ts\":\"1700000000.000500\"}";
            String deactivated = "{\"type\":\"user_change\",\"user\":{\"id\":\"U1\",\"team_id\":\"T1\",\"deleted\":true},"
                    + "\"event_ts\":\"1700000000.000600\"}";
            assertThat(h.signed(SlackHarness.JSON, SlackPayloads.eventCallback("Ev0USER1", renamed).body()).status()).isEqualTo(200);
            assertThat(h.signed(SlackHarness.JSON, SlackPayloads.eventCallback("Ev0USER2", deactivated).body()).status()).isEqualTo(200);
            assertThat(h.db.count("SELECT COUNT(*) FROM dashboard_sessions WHERE revoked_at IS NOT NULL AND user_id = ?",
                    "slack:T1:U1")).isEqualTo(1);
            assertThat(h.db.count("SELECT COUNT(*) FROM dashboard_sessions WHERE revoked_at IS NULL AND user_id = ?",
                    "slack:T1:U2")).as("a profile change is no departure").isEqualTo(1);
        }
    }

    @Test
    void urlVerificationIsAnsweredWithTheChallenge() throws Exception {
        try (SlackHarness h = new SlackHarness(tmp, Clock.systemUTC())) {
            var answer = h.signed(SlackHarness.JSON, "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                    + "\"type\":\"url_verification\"}");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        }
    }

    @Test
    void theAppHomeShowsTheUsersCommunitiesAndSkills() throws Exception {
        try (SlackHarness h = new SlackHarness(tmp, Clock.systemUTC())) {
            communityOnChannelC7(h);
            h.db.update("INSERT INTO memberships (community, user_id, joined_at) VALUES ('sre', 'slack:T1:U1', 1)");
            h.db.update("INSERT INTO skills (user_id, skill, added_at) VALUES ('slack:T1:U1', 'kafka', 1)");
            String opened = "{\"type\":\"app_home_opened\",\"user\":\"U1\",\"channel\":\"D1\",\"tab\":\"home\","
                    + "\"event_ts\":\"1700000000.000400\"}";
            assertThat(h.signed(SlackHarness.JSON, SlackPayloads.eventCallback("Ev0HOME1", opened).body()).status()).isEqualTo(200);
            var publish = h.slack.await("views.publish", 1, 5).get(0);
            assertThat(publish.param("user_id")).isEqualTo("U1");
            var view = JsonParser.parseString(publish.param("view")).getAsJsonObject();
            assertThat(view.get("type").getAsString()).isEqualTo("home");
            assertThat(view.getAsJsonArray("blocks").toString()).contains("Your communities", "sre", "Your skills", "kafka");
        }
    }

    @Test
    void messagesKeepTheirThreadAndTheChannelsVisibility() {
        var json = "{\"type\":\"message\",\"channel\":\"G5\",\"user\":\"U2\",\"text\":\"try <@U3>\","
                + "\"ts\":\"1700000010.000200\",\"thread_ts\":\"1700000000.000100\",\"channel_type\":\"group\"}";
        var event = GsonFactory.createSnakeCase()
                .fromJson(json, MessageEvent.class);
        var posted = EventTranslation.posted(event, FakeSlackApi.TEAM);
        assertThat(posted.channel()).isEqualTo(new Channel(UserId.parse("slack:T1:U2").channel("G5"), null,
                Visibility.PRIVATE));
        assertThat(posted.message().author()).isEqualTo(UserId.parse("slack:T1:U2"));
        assertThat(posted.message().threadParent()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("1700000000.000100"));
        assertThat(posted.message().postedAt()).isEqualTo(Instant.parse("2023-11-14T22:13:30.000200Z"));
        assertThat(posted.message().text()).isEqualTo("try <@U3>");
    }
}
