package dev.copbot.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.community.Role;
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
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds: a public community keeps its public feed; a community with a private channel has none, only
 * per-person secret ones from {@code /cop event feed}, which {@code event feed reset} replaces, and which die when
 * their owner can no longer see the community. The HTTP side is in bot-app's CalendarFeedHttpTest.
 */
abstract class FeedScenarios extends OnEachStore {
    static final Channel GUILD = new Channel(ChannelId.parse("slack:T1:C100"), "guild", Visibility.PUBLIC);
    static final Channel OPS = new Channel(ChannelId.parse("slack:T1:G300"), "ops-secret", Visibility.PRIVATE);
    static final Channel LEADS = new Channel(ChannelId.parse("slack:T1:G400"), "guild-leads", Visibility.PRIVATE);
    static final String LEAD = "slack:T1:ULEAD";
    static final String OUTSIDER = "slack:T1:UOUT";
    static final Instant T0 = BotDriver.CLOCK.instant().minusSeconds(3600);

    BotDriver bot;

    @BeforeEach
    void start() {
        bot = new BotDriver(db);
        Actor admin = new Actor(UserId.parse("slack:T1:UADMIN"), "ada", Optional.empty(), true);
        bot.indexChannel(OPS, T0);
        bot.indexChannel(LEADS, T0);
        assertThat(bot.as(admin, "community create guild channel:<#C100|guild>").ok()).isTrue();
        assertThat(bot.as(admin, "community create mixed channel:<#C100|guild>").ok()).isTrue();
        assertThat(bot.as(admin, "community create incident channel:<#G300|ops-secret>").ok()).isTrue();
        CommunityStore store = new CommunityStore(db);
        store.addChannel("mixed", LEADS, T0);
        store.grant("incident", UserId.parse(LEAD), Role.LEADER, admin.id(), T0);
        bot.bot().handle(new Inbound.MemberJoinedChannel(OPS, UserId.parse(LEAD), T0));
        for (String c : new String[] {"guild", "mixed"}) {
            assertThat(bot.as(admin, "event create \"Sync of " + c + "\" 2026-12-01 15:00 tz:UTC community:" + c).ok()).isTrue();
        }
        // incident is hidden from the admin, who is in none of its channels; its leader announces its events.
        assertThat(as(LEAD, "event create \"Sync of incident\" 2026-12-01 15:00 tz:UTC community:incident").ok()).isTrue();
    }

    Reply as(String user, String command) {
        return bot.as(new Actor(UserId.parse(user), user, Optional.empty(), false), command);
    }

    static String token(Reply r) {
        assertThat(r.ok()).as(r.text()).isTrue();
        String url = (String) r.data().get("url");
        assertThat(url).matches("/calendar/[a-z-]+/[0-9a-f]{32}\\.ics");
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    @Test
    void aPublicCommunityKeepsItsPublicFeed() {
        Reply r = as(OUTSIDER, "event feed guild");
        assertThat(r.ok()).isTrue();
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.data()).containsEntry("private", false).containsEntry("url", "/calendar/guild.ics");
        assertThat(bot.bot().events().feed("guild")).hasValueSatisfying(ics -> assertThat(ics).contains("Sync of guild"));
        assertThat(as(OUTSIDER, "event feed reset guild").text()).contains("is public, so there is no address of yours to reset");
    }

    @Test
    void aCommunityWithAPrivateChannelHasOnlyPersonalFeeds() {
        assertThat(bot.bot().events().feed("mixed")).isEmpty();
        assertThat(bot.bot().events().feed("incident")).isEmpty();
        assertThat(bot.bot().events().feed("nosuch")).isEmpty();

        Reply mine = as(LEAD, "event feed incident");
        assertThat(mine.ephemeral()).as("a private reply").isTrue();
        assertThat(mine.data()).containsEntry("private", true);
        String token = token(mine);
        assertThat(bot.bot().events().feed("incident", token)).hasValueSatisfying(ics -> assertThat(ics)
                .contains("Sync of incident").doesNotContain("Sync of guild"));
        assertThat(bot.bot().events().feed("guild", token)).as("a token opens its own community only").isEmpty();
        assertThat(bot.bot().events().feed("incident", "0".repeat(32))).isEmpty();
        assertThat(bot.bot().events().feed("incident", "not-a-token")).isEmpty();

        // The outsider cannot see incident at all; the mixed community (a public channel too) they may see.
        Reply hidden = as(OUTSIDER, "event feed incident");
        assertThat(hidden.ok()).isFalse();
        assertThat(hidden.text()).isEqualTo(as(OUTSIDER, "event feed nosuch").text().replace("nosuch", "incident"));
        String outsiders = token(as(OUTSIDER, "event feed mixed"));
        assertThat(bot.bot().events().feed("mixed", outsiders)).hasValueSatisfying(ics -> assertThat(ics).contains("Sync of mixed"));
    }

    @Test
    void theSecretIsShownOnceAndResetRevokesIt() {
        String first = token(as(LEAD, "event feed incident"));
        Reply again = as(LEAD, "event feed incident");
        assertThat(again.ok()).isTrue();
        assertThat(again.text()).contains("You already have a feed address for incident").doesNotContain(first);
        assertThat(again.data()).doesNotContainKey("url");

        Reply reset = as(LEAD, "event feed reset incident");
        assertThat(reset.text()).startsWith("Revoked your old feed address of incident");
        String second = token(reset);
        assertThat(second).isNotEqualTo(first);
        assertThat(bot.bot().events().feed("incident", first)).as("the old token is dead").isEmpty();
        assertThat(bot.bot().events().feed("incident", second)).isPresent();
        // The store keeps fingerprints, never the secret.
        assertThat(db.count("SELECT COUNT(*) FROM calendar_feed_tokens WHERE token_hash = ? OR token_hash = ?", first, second))
                .isZero();
        assertThat(db.count("SELECT COUNT(*) FROM calendar_feed_tokens WHERE token_hash = ?", FeedTokens.hash(second)))
                .isEqualTo(1);
    }

    @Test
    void aFeedDiesWhenItsOwnerLeavesThePrivateChannel() {
        String token = token(as(LEAD, "event feed incident"));
        bot.bot().handle(new Inbound.MemberLeftChannel(OPS, UserId.parse(LEAD), T0.plusSeconds(60)));
        assertThat(bot.bot().events().feed("incident", token)).isEmpty();
    }
}
