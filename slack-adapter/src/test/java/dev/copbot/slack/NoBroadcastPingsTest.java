package dev.copbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.copbot.slack.testing.FakeSlackApi;
import dev.copbot.slack.testing.SlackHarness;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, on the wire: user text carrying {@code @here}, {@code @channel}, {@code @everyone}, {@code <!channel>}
 * or {@code <@U123>} (a kudos reason, a community's purpose and charter, an event title, a message quoted as a search
 * snippet, a person's name) never reaches Slack as a mention: every string the bot sends, decoded from its JSON, has
 * no {@code <!…>} but the bot's own {@code <!date^…>} and no {@code <@…>}; every mrkdwn text is {@code verbatim} (so
 * Slack does not turn a bare {@code @here} into one) and no message asks Slack to link names.
 */
class NoBroadcastPingsTest {
    static final String PINGS = "@here @channel @everyone <!channel> <!here|here> <!everyone> <@U123> <@U123|bob>";

    @TempDir
    Path tmp;
    SlackHarness h;
    final List<String> acks = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        h = new SlackHarness(tmp, Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    void asAdminNamed(String name) {
        h.slack.scriptJson("users.info", "{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"alice\",\"is_admin\":true,"
                + "\"tz\":\"Europe/Berlin\",\"real_name\":" + JsonParser.parseString("\"" + name.replace("\"", "") + "\"")
                + ",\"profile\":{\"display_name\":\"" + name.replace("\"", "") + "\",\"real_name\":\"" + name.replace("\"", "") + "\"}}}");
    }

    SlackHarness.Answer cop(String text) throws Exception {
        asAdminNamed("Alice " + PINGS);
        var answer = h.signed(SlackHarness.FORM, SlackPayloads.slashCommand(text, h.slack.url("/commands/T1/1/x")).body());
        assertThat(answer.status()).isEqualTo(200);
        acks.add(answer.body());
        return answer;
    }

    @Test
    void userTextNeverBecomesAMentionInAnythingPostedToSlack() throws Exception {
        assertThat(cop("community create sre purpose:\"On call " + PINGS.replace("\"", "") + "\" channel:<#C1|general>").body())
                .contains("Created the community");
        cop("join sre");
        cop("community info sre");
        cop("communities");
        cop("event create \"Party " + PINGS + "\" 2030-01-10 16:00 tz:UTC community:sre");
        cop("events");
        cop("kudos <@U2|bob> for " + PINGS);
        cop("leaderboard");
        h.signed(SlackHarness.JSON, SlackPayloads.eventCallback("Ev1", "{\"type\":\"message\",\"channel\":\"C1\","
                + "\"channel_type\":\"channel\",\"user\":\"U2\",\"text\":\"kafka party " + PINGS.replace("\"", "")
                + "\",\"ts\":\"1700000000.000100\",\"event_ts\":\"1700000000.000100\"}").body());
        cop("search kafka party");
        h.slack.await("/commands/T1/1/x", 1, 10);
        Thread.sleep(500); // let any other delayed answer arrive

        List<String> strings = new ArrayList<>();
        List<JsonElement> mrkdwn = new ArrayList<>();
        for (String ack : acks) {
            if (ack.startsWith("{")) {
                walk(JsonParser.parseString(ack), strings, mrkdwn);
            }
        }
        for (FakeSlackApi.Call call : h.slack.callsBesidesAuth()) {
            if (call.body().startsWith("{")) {
                walk(call.json(), strings, mrkdwn);
            }
            for (Map.Entry<String, String> p : call.params().entrySet()) {
                String v = p.getValue();
                if (v.startsWith("{") || v.startsWith("[")) {
                    walk(JsonParser.parseString(v), strings, mrkdwn);
                } else {
                    strings.add(v);
                }
            }
            if (call.method().startsWith("chat.")) {
                assertThat(call.param("link_names")).as("link_names of " + call.method()).isIn(null, "0", "false");
                assertThat(call.param("parse")).as("parse of " + call.method()).isIn(null, "none");
            }
        }
        String all = String.join("\n", strings);
        assertThat(all).as("the user text reached Slack").contains(
                "On call @here @channel @everyone &lt;!channel&gt;", // the community's purpose
                "Party @here @channel @everyone &lt;!channel&gt;", // the event title
                "Alice @here", // a person's name
                "for @here @channel @everyone &lt;!channel&gt; &lt;!here|here&gt;", // the kudos reason
                "**party** @\u200Bhere @\u200Bchannel"); // the search snippet (stored text is already defused)
        assertThat(strings).allSatisfy(s -> {
            assertThat(s.replaceAll("<!date\\^[^>]*>", "")).doesNotContain("<!", "<@");
        });
        assertThat(mrkdwn).isNotEmpty().allSatisfy(t -> assertThat(t.getAsJsonObject().has("verbatim")
                && t.getAsJsonObject().get("verbatim").getAsBoolean()).as("verbatim: " + t).isTrue());
    }

    /** Every string leaf, and every mrkdwn text object. */
    static void walk(JsonElement e, List<String> strings, List<JsonElement> mrkdwn) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            strings.add(e.getAsString());
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> walk(x, strings, mrkdwn));
        } else if (e.isJsonObject()) {
            var o = e.getAsJsonObject();
            if (o.has("type") && o.get("type").isJsonPrimitive() && "mrkdwn".equals(o.get("type").getAsString())) {
                mrkdwn.add(o);
            }
            o.entrySet().forEach(x -> walk(x.getValue(), strings, mrkdwn));
        }
    }
}
