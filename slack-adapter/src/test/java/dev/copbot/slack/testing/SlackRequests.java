package dev.copbot.slack.testing;

import com.slack.api.app_backend.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Bodies shaped exactly as Slack sends them, and Slack's signature headers for them. */
public final class SlackRequests {
    private SlackRequests() {}

    /** A slash command: form-encoded, as Slack posts it. */
    public static String slashCommand(String text, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", FakeSlackApi.TEAM);
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
        return form(f);
    }

    public static String form(Map<String, String> fields) {
        StringJoiner out = new StringJoiner("&");
        fields.forEach((k, v) -> out.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /**
     * The form body of a click on one of our run-command buttons (value {@code command}, label {@code label}) in an
     * ephemeral message of #general, answered through {@code responseUrl}.
     */
    public static String runCommandClick(String command, String label, String responseUrl) {
        return interactive("{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"acme\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"alice\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"9.8.7\",\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\","
                + "\"channel_id\":\"C1\",\"is_ephemeral\":true},\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
                + "\"response_url\":\"" + responseUrl + "\","
                + "\"actions\":[{\"action_id\":\"cop.run#2.0\",\"block_id\":\"b1\",\"type\":\"button\","
                + "\"value\":\"" + command + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + label + "\"},"
                + "\"action_ts\":\"1700000001.000000\"}]}");
    }

    /** An interactive payload (block_actions, view_submission): form-encoded {@code payload=<json>}. */
    public static String interactive(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    /** An Events API callback around {@code eventJson}. */
    public static String eventCallback(String eventId, String eventJson) {
        return "{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event\":" + eventJson
                + ",\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,"
                + "\"authorizations\":[{\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"is_bot\":true}]}";
    }

    public static String signature(String secret, long timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(Long.toString(timestamp), body);
    }
}
