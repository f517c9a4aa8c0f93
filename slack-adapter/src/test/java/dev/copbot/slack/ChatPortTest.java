package dev.copbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.PlatformException;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Reply;
import dev.copbot.slack.internal.SlackChatPort;
import dev.copbot.slack.testing.FakeSlackApi;
import dev.copbot.slack.testing.OnSlackHarness;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** The core's port to Slack, against the fake Web API: what goes over the wire, and how refusals come back. */
class ChatPortTest extends OnSlackHarness {
    static final UserId ALICE = UserId.parse("slack:T1:U1");
    static final ChannelId GENERAL = ALICE.channel("C1");

    static Reply richReply() {
        return Reply.ok("Kafka meetup").with(new Block.Section("When", "Thursday", List.of(new Field("Room", "4.01"))))
                .with(new Block.Actions(List.of(new Button("rsvp", "Going", "e1:going", Button.Style.PRIMARY, "rsvp e1 going"),
                        new Button("rsvp", "No", "e1:no", Button.Style.DANGER, "rsvp e1 no"))));
    }

    @Test
    void postsBlockKitWithTheTextAsFallbackAndUniqueButtonIds() throws Exception {
        MessageId posted = port.post(GENERAL, Optional.of(new MessageId(GENERAL, "1699999999.000001")), richReply());
        assertThat(posted).isEqualTo(new MessageId(GENERAL, "1700000000.000100"));
        var call = h.slack.calls("chat.postMessage").get(0);
        assertThat(call.param("channel")).isEqualTo("C1");
        assertThat(call.param("thread_ts")).isEqualTo("1699999999.000001");
        assertThat(call.param("text")).isEqualTo("Kafka meetup");
        var blocks = JsonParser.parseString(call.param("blocks")).getAsJsonArray();
        assertThat(blocks.get(1).getAsJsonObject().getAsJsonArray("fields").get(0).getAsJsonObject().get("text")
                .getAsString()).isEqualTo("*Room*\n4.01");
        var buttons = blocks.get(2).getAsJsonObject().getAsJsonArray("elements");
        assertThat(buttons.get(0).getAsJsonObject().get("action_id").getAsString())
                .isNotEqualTo(buttons.get(1).getAsJsonObject().get("action_id").getAsString()).startsWith("rsvp#");
        assertThat(buttons.get(1).getAsJsonObject().get("style").getAsString()).isEqualTo("danger");
        assertThat(h.slack.callsBesidesAuth()).hasSize(1);
    }

    @Test
    void aRateLimitedCallIsRetriedAfterRetryAfter() throws Exception {
        h.slack.script("chat.postMessage", () -> new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .addHeader("Content-Type", "application/json").body("{\"ok\":false,\"error\":\"ratelimited\"}").build());
        MessageId posted = port.post(GENERAL, Optional.empty(), Reply.ok("hello"));
        assertThat(posted.id()).isEqualTo("1700000000.000100");
        var calls = h.slack.calls("chat.postMessage");
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(calls.get(1).param("text")).isEqualTo("hello");
    }

    @Test
    void ephemeralDirectUpdateAndPermalink() {
        port.postEphemeral(GENERAL, ALICE, Reply.ok("only you"));
        assertThat(h.slack.calls("chat.postEphemeral").get(0).params()).containsEntry("user", "U1").containsEntry("channel", "C1");

        assertThat(port.sendDirect(ALICE, Reply.ok("psst"))).isEqualTo(new MessageId(ALICE.channel("D1"), "1700000000.000100"));
        assertThat(h.slack.calls("conversations.open").get(0).param("users")).isEqualTo("U1");
        assertThat(h.slack.calls("chat.postMessage").get(0).param("channel")).isEqualTo("D1");

        port.update(new MessageId(GENERAL, "1700000000.000100"), Reply.ok("3 going"));
        assertThat(h.slack.calls("chat.update").get(0).params()).containsEntry("ts", "1700000000.000100")
                .containsEntry("text", "3 going");

        // The workspace's domain from auth.test: the link opens in Slack, with no API call for it.
        int before = h.slack.calls("chat.getPermalink").size();
        assertThat(port.permalink(new MessageId(GENERAL, "1700000000.000200")))
                .contains("https://acme.slack.com/archives/C1/p1700000000000200");
        assertThat(h.slack.calls("chat.getPermalink")).hasSize(before);
    }

    @Test
    void withoutTheWorkspacesAddressPermalinksComeFromSlack() {
        SlackChatPort bare = new SlackChatPort(
                h.adapter.app().slack().methodsAsync("xoxb-1111111111-2222222222-copbottesttoken"), "T1", Clock.systemUTC());
        assertThat(bare.permalink(new MessageId(GENERAL, "1700000000.000100")))
                .contains("https://acme.slack.com/archives/C1/p1700000000000100");
        h.slack.scriptJson("chat.getPermalink", "{\"ok\":false,\"error\":\"message_not_found\"}");
        assertThat(bare.permalink(new MessageId(GENERAL, "1.2"))).isEmpty();
    }

    @Test
    void profilesCarryNameZoneAndAdminFlagAndAreCached() {
        h.slack.scriptJson("users.info", "{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"alice\",\"tz\":\"Asia/Tokyo\","
                + "\"is_admin\":false,\"is_owner\":true,\"profile\":{\"display_name\":\"Alice\"}}}");
        var actor = port.describe(ALICE).orElseThrow();
        assertThat(actor.displayName()).isEqualTo("Alice");
        assertThat(actor.zone()).contains(ZoneId.of("Asia/Tokyo"));
        assertThat(actor.platformAdmin()).as("workspace owners are admins").isTrue();
        assertThat(port.describe(ALICE)).contains(actor);
        assertThat(h.slack.calls("users.info")).hasSize(1);
        assertThat(port.describe(UserId.parse("slack:T9:U1"))).as("another workspace").isEmpty();
    }

    @Test
    void mayReadFollowsChannelVisibilityAndMembershipBriefly() {
        h.slack.scriptJson("conversations.info", "{\"ok\":true,\"channel\":{\"id\":\"C1\",\"is_channel\":true,\"is_private\":false}}");
        assertThat(port.mayRead(ALICE, GENERAL)).isTrue();

        ChannelId secret = ALICE.channel("G2");
        h.slack.scriptJson("conversations.info", "{\"ok\":true,\"channel\":{\"id\":\"G2\",\"is_channel\":true,\"is_private\":true}}");
        h.slack.scriptJson("conversations.members", "{\"ok\":true,\"members\":[\"U5\"],\"response_metadata\":{\"next_cursor\":\"c2\"}}");
        h.slack.scriptJson("conversations.members", "{\"ok\":true,\"members\":[\"U1\"],\"response_metadata\":{\"next_cursor\":\"\"}}");
        assertThat(port.mayRead(ALICE, secret)).isTrue();
        assertThat(h.slack.calls("conversations.members").get(1).param("cursor")).isEqualTo("c2");

        h.slack.scriptJson("conversations.info", "{\"ok\":true,\"channel\":{\"id\":\"G2\",\"is_private\":true}}");
        h.slack.scriptJson("conversations.members", "{\"ok\":true,\"members\":[\"U1\"]}");
        UserId bob = ALICE.sibling("U2");
        assertThat(port.mayRead(bob, secret)).isFalse();

        int before = h.slack.calls().size();
        assertThat(port.mayRead(ALICE, secret)).isTrue();
        assertThat(h.slack.calls()).as("cached").hasSize(before);
        h.slack.scriptJson("conversations.info", "{\"ok\":false,\"error\":\"channel_not_found\"}");
        assertThat(port.mayRead(ALICE, ALICE.channel("C404"))).as("unknown means no").isFalse();
        assertThat(port.mayRead(UserId.parse("slack:T9:U1"), GENERAL)).as("other workspace").isFalse();
    }

    @Test
    void aRefusalIsAClearPlatformException() {
        h.slack.scriptJson("chat.postMessage", "{\"ok\":false,\"error\":\"channel_not_found\"}");
        assertThatThrownBy(() -> port.post(GENERAL, Optional.empty(), Reply.ok("x")))
                .isInstanceOf(PlatformException.class).hasMessage("Slack refused chat.postMessage: channel_not_found");
        assertThatThrownBy(() -> port.post(UserId.parse("slack:T9:U1").channel("C1"), Optional.empty(), Reply.ok("x")))
                .isInstanceOf(PlatformException.class).hasMessageContaining("not a channel of this Slack workspace");
        assertThat(FakeSlackApi.TEAM).isEqualTo("T1");
    }
}
