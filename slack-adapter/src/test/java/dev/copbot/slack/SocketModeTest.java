package dev.copbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.Receipts;
import dev.copbot.core.testing.TestDatabases;
import dev.copbot.slack.testing.FakeSlackApi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode against a local WebSocket fake: apps.connections.open hands out the socket's address, Slack's hello and
 * envelopes arrive over it and are acknowledged by envelope id, and a "disconnect: refresh_requested" makes Bolt open
 * a fresh connection, on which work continues.
 */
class SocketModeTest {
    @TempDir
    Path tmp;

    /** One fake Socket Mode connection: says hello, sends its envelopes, and collects what the client sends back. */
    static final class Link extends WebSocketListener {
        final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        final String[] envelopes;
        volatile WebSocket socket;

        Link(String... envelopes) {
            this.envelopes = envelopes;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            webSocket.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-fake\"},"
                    + "\"connection_info\":{\"app_id\":\"A1\"}}");
            for (String e : envelopes) {
                webSocket.send(e);
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received.add(JsonParser.parseString(text).getAsJsonObject());
        }

        JsonObject next() throws InterruptedException {
            JsonObject m = received.poll(15, TimeUnit.SECONDS);
            assertThat(m).as("a message from the client (socket open: " + (socket != null) + ")").isNotNull();
            return m;
        }
    }

    @Test
    void commandsAndEventsFlowOverTheSocketAndARefreshReconnects() throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi(); Database db = TestDatabases.sqlite(tmp)) {
            db.update("INSERT INTO communities (name, created_by, created_at) VALUES ('sre', 'console:admin', 1)");
            db.update("INSERT INTO channels (id, name, visibility, updated_at) VALUES ('slack:T1:C7', 'sre', 'PUBLIC', 1)");
            db.update("INSERT INTO community_channels (community, channel_id, added_at) VALUES ('sre', 'slack:T1:C7', 1)");

            String command = "{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
                    + "\"payload\":{\"token\":\"x\",\"team_id\":\"T1\",\"team_domain\":\"acme\",\"channel_id\":\"C1\","
                    + "\"channel_name\":\"general\",\"user_id\":\"U1\",\"user_name\":\"alice\",\"command\":\"/cop\","
                    + "\"text\":\"help\",\"api_app_id\":\"A1\",\"response_url\":\"" + slack.url("/commands/T1/1/x")
                    + "\",\"trigger_id\":\"1.2.3\"}}";
            String joined = "{\"envelope_id\":\"env-2\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                    + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + SlackPayloads.eventCallback("Ev0SOCK1",
                    "{\"type\":\"member_joined_channel\",\"user\":\"U1\",\"channel\":\"C7\",\"channel_type\":\"C\","
                            + "\"team\":\"T1\",\"event_ts\":\"1700000000.000300\"}").body() + "}";
            Link first = new Link(command);
            Link second = new Link(joined);
            String ws = "ws://127.0.0.1:" + slack.port();
            // Every apps.connections.open hands out the socket address; the first connection made gets the first
            // link, the reconnect the second.
            for (int i = 0; i < 4; i++) {
                slack.scriptJson("apps.connections.open", "{\"ok\":true,\"url\":\"" + ws + "/link\"}");
            }
            slack.script("/link", () -> new MockResponse.Builder().webSocketUpgrade(first).build());
            slack.script("/link", () -> new MockResponse.Builder().webSocketUpgrade(second).build());

            CopBot bot = new CopBot(db, BotSettings.defaults(), Clock.systemUTC(), new ChatPorts());
            var settings = new SlackAdapter.Settings("xoxb-1111111111-2222222222-copbottesttoken", Optional.empty(),
                    Optional.of("xapp-1-A1-1111-socketmodetoken"), Optional.of(slack.apiUrl()), null);
            try (SlackAdapter adapter = SlackAdapter.create(bot, new Receipts(db), settings, Clock.systemUTC()).start()) {
                JsonObject ack = first.next();
                assertThat(ack.get("envelope_id").getAsString()).isEqualTo("env-1");
                assertThat(ack.getAsJsonObject("payload").get("text").getAsString()).contains("CoP Bot");

                int opened = slack.calls("apps.connections.open").size();
                first.socket.send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\","
                        + "\"debug_info\":{\"host\":\"applink-fake\"}}");
                JsonObject eventAck = second.next();
                assertThat(eventAck.get("envelope_id").getAsString()).isEqualTo("env-2");
                assertThat(slack.calls("apps.connections.open")).as("a fresh URL for the reconnect").hasSize(opened + 1);
                assertThat(slack.calls("/link")).as("two WebSocket sessions").hasSize(2);
                assertThat(db.count("SELECT COUNT(*) FROM memberships WHERE community = 'sre' AND user_id = 'slack:T1:U1'"))
                        .isEqualTo(1);
                assertThat(adapter.port().platform().key()).isEqualTo("slack");
            } finally {
                // The fake server only shuts down once its sockets are gone.
                for (Link link : new Link[] {first, second}) {
                    WebSocket socket = link.socket;
                    if (socket != null) {
                        socket.close(1001, "test over");
                    }
                }
            }
        }
    }
}
