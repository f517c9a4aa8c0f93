package dev.copbot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Requests shaped as Slack sends them (workspace T1, user U1, channel C1), and Slack's v0 signature for them: what the
 * load and fuzz runs ({@code copbot load-http}, {@code copbot fuzz-http}) and the adapter's tests post to our endpoint.
 */
public final class SlackPayloads {
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    /** What one of Slack's requests carries: its content type and body. */
    public record Payload(String contentType, String body) {}

    private SlackPayloads() {}

    public static Payload slashCommand(String text, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", "T1");
        f.put("team_domain", "acme");
        f.put("channel_id", "C1");
        f.put("channel_name", "general");
        f.put("user_id", "U1");
        f.put("user_name", "alice");
        f.put("command", "/cop");
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return new Payload(FORM, form(f));
    }

    /** A click on one of our run-command buttons labelled "Go" in an ephemeral message of #general. */
    public static Payload buttonClick(String command, String responseUrl) {
        return buttonClick(command, "Go", responseUrl);
    }

    /** A click on a run-command button (value {@code command}, label {@code label}), answered through {@code responseUrl}. */
    public static Payload buttonClick(String command, String label, String responseUrl) {
        return interactive("{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"acme\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"alice\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"9.8.7\",\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\","
                + "\"channel_id\":\"C1\",\"is_ephemeral\":true},\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
                + "\"response_url\":\"" + responseUrl + "\","
                + "\"actions\":[{\"action_id\":\"cop.run#2.0\",\"block_id\":\"b1\",\"type\":\"button\","
                + "\"value\":\"" + command + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + label + "\"},"
                + "\"action_ts\":\"1700000001.000000\"}]}");
    }

    public static Payload viewSubmission(String callbackId) {
        return interactive("{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\",\"domain\":\"acme\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"alice\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"" + callbackId
                + "\",\"private_metadata\":\"{\\\"channel\\\":\\\"C1\\\"}\",\"state\":{\"values\":{\"purpose\":"
                + "{\"purpose\":{\"type\":\"plain_text_input\",\"value\":\"Kafka\"}}}}}}");
    }

    public static Payload message(String eventId, String ts, String text) {
        return eventCallback(eventId, "{\"type\":\"message\",\"channel\":\"C1\",\"channel_type\":\"channel\","
                + "\"user\":\"U1\",\"text\":\"" + text + "\",\"ts\":\"" + ts + "\",\"event_ts\":\"" + ts + "\"}");
    }

    public static Payload reaction(String eventId, String ts) {
        return eventCallback(eventId, "{\"type\":\"reaction_added\",\"user\":\"U2\",\"reaction\":\"tada\","
                + "\"item_user\":\"U1\",\"item\":{\"type\":\"message\",\"channel\":\"C1\",\"ts\":\"" + ts + "\"},"
                + "\"event_ts\":\"" + ts + "\"}");
    }

    public static Payload memberJoined(String eventId) {
        return eventCallback(eventId, "{\"type\":\"member_joined_channel\",\"user\":\"U3\",\"channel\":\"C1\","
                + "\"channel_type\":\"C\",\"team\":\"T1\",\"event_ts\":\"1700000000.000300\"}");
    }

    public static Payload appHome(String eventId) {
        return eventCallback(eventId, "{\"type\":\"app_home_opened\",\"user\":\"U1\",\"channel\":\"D1\",\"tab\":\"home\","
                + "\"event_ts\":\"1700000000.000400\"}");
    }

    public static Payload urlVerification() {
        return new Payload(JSON, "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}");
    }

    public static Payload sslCheck() {
        return new Payload(FORM, "ssl_check=1&token=legacy");
    }

    public static Payload eventCallback(String eventId, String eventJson) {
        return new Payload(JSON, "{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event\":" + eventJson
                + ",\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,"
                + "\"authorizations\":[{\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"is_bot\":true}]}");
    }

    public static Payload interactive(String json) {
        return new Payload(FORM, "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8));
    }

    public static String form(Map<String, String> fields) {
        StringJoiner out = new StringJoiner("&");
        fields.forEach((k, v) -> out.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** Slack's request signature ({@code v0=} HMAC-SHA256), as Bolt's own generator makes it. */
    public static String signature(String secret, long timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(Long.toString(timestamp), body);
    }
}
