package dev.copbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest an admin pastes into Slack: valid YAML, and exactly the scopes the code uses. */
class ManifestTest {
    static JsonNode manifest() throws Exception {
        Path file = Path.of("..", "config", "slack-app-manifest.yaml");
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void namesEveryScopeTheCodeUsesAndNoMore() throws Exception {
        List<String> scopes = strings(manifest().at("/oauth_config/scopes/bot"));
        assertThat(scopes).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(SlackScopes.BOT);
        assertThat(manifest().at("/oauth_config/scopes/user").isMissingNode()).as("no user scopes").isTrue();
    }

    @Test
    void declaresTheCommandTheEventsTheAdapterHandlesAndInteractivity() throws Exception {
        JsonNode m = manifest();
        JsonNode command = m.at("/features/slash_commands/0");
        assertThat(command.get("command").asText()).isEqualTo("/cop");
        assertThat(command.get("should_escape").asBoolean()).as("mentions arrive as <@U…> ids").isTrue();
        assertThat(command.get("url").asText()).endsWith(SlackAdapter.EVENTS_PATH);
        assertThat(strings(m.at("/settings/event_subscriptions/bot_events"))).containsExactlyInAnyOrder(
                "message.channels", "message.groups", "reaction_added", "reaction_removed", "member_joined_channel",
                "member_left_channel", "channel_deleted", "group_deleted", "app_uninstalled", "tokens_revoked",
                "app_home_opened", "user_change");
        assertThat(m.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(m.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
    }
}
