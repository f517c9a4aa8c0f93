package dev.copbot.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mentions and channel references as Slack and Discord send them, scoped to the asker's workspace or guild. */
class PlatformReferencesTest {
    @TempDir
    Path tmp;

    static Actor slackAdmin() {
        return new Actor(UserId.parse("slack:T1:UADMIN"), "Ada", Optional.empty(), true);
    }

    @Test
    void slackEscapedMentionsAndChannelsResolveInTheSameWorkspace() {
        try (var db = TestDatabases.sqlite(tmp)) {
            BotDriver bot = new BotDriver(db);
            Reply created = bot.as(slackAdmin(), "community create kafka channel:<#C0789|kafka-users>");
            assertThat(created.ok()).as(created.text()).isTrue();
            assertThat(CommunityScenarios.community(created)).containsEntry("channels", List.of("kafka-users"));
            assertThat(db.queryOne("SELECT channel_id FROM community_channels", rs -> rs.getString(1)))
                    .contains("slack:T1:C0789");

            assertThat(bot.as(slackAdmin(), "community role kafka <@U0456|bob> expert").ok()).isTrue();
            assertThat(bot.as(slackAdmin(), "community role kafka <@U0457> sponsor").ok()).isTrue();
            assertThat(CommunityScenarios.community(bot.as(slackAdmin(), "community info kafka")).get("roles")).isEqualTo(Map.of(
                    "leader", List.of("slack:T1:UADMIN"), "sponsor", List.of("slack:T1:U0457"),
                    "expert", List.of("slack:T1:U0456")));

            // A display name the bot has seen works too; someone from another workspace does not.
            bot.as(new Actor(UserId.parse("slack:T1:U0999"), "Carol", Optional.empty(), false), "communities");
            assertThat(bot.as(slackAdmin(), "community role kafka @carol support").ok()).isTrue();
            Reply foreign = bot.as(slackAdmin(), "community role kafka slack:T2:U1 expert");
            assertThat(foreign.ok()).isFalse();
            assertThat(foreign.text()).contains("another workspace");
            Reply unknown = bot.as(slackAdmin(), "community role kafka @nobody expert");
            assertThat(unknown.ok()).isFalse();
            assertThat(unknown.text()).contains("I don't know anyone called '@nobody'");

            Reply plainChannel = bot.as(slackAdmin(), "community create other channel:general");
            assertThat(plainChannel.ok()).isFalse();
            assertThat(plainChannel.text()).contains("pick the channel from the list");
        }
    }

    @Test
    void platformAdminsAreAdminsButOrdinaryPlatformUsersAreNot() {
        try (var db = TestDatabases.sqlite(tmp)) {
            BotDriver bot = new BotDriver(db);
            Actor member = new Actor(UserId.parse("discord:G1:42"), "dee", Optional.empty(), false);
            assertThat(bot.as(member, "community create guild-talk").text()).contains("Only admins");
            Actor guildAdmin = new Actor(UserId.parse("discord:G1:43"), "mod", Optional.empty(), true);
            assertThat(bot.as(guildAdmin, "community create guild-talk channel:<#1234567>").ok()).isTrue();
            assertThat(bot.as(guildAdmin, "community role guild-talk <@!42> expert").ok()).isTrue();
            assertThat(CommunityScenarios.community(bot.as(member, "community info guild-talk")).get("roles"))
                    .isEqualTo(Map.of("leader", List.of("discord:G1:43"), "expert", List.of("discord:G1:42")));
        }
    }
}
