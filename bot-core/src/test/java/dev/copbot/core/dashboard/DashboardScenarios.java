package dev.copbot.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.BotSettings;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.OnEachStore;
import dev.copbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in links and sessions: once, within 10 minutes, 8 hours, kept as hashes, closed when their owner leaves. */
abstract class DashboardScenarios extends OnEachStore {
    static final String URL = "https://bot.example.com";
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    TestClock clock;
    BotDriver bot;

    @BeforeEach
    void start() {
        clock = new TestClock(T0);
        bot = new BotDriver(db, BotSettings.defaults().withPublicUrl(Optional.of(URL + "/")), clock, new ChatPorts());
    }

    String token(String user) {
        Reply r = bot.as(user, "dashboard");
        assertThat(r.ok()).as(r.text()).isTrue();
        assertThat(r.ephemeral()).as("only the asker sees the link").isTrue();
        String url = (String) r.data().get("url");
        assertThat(url).startsWith(URL + Dashboard.SIGN_IN_PATH);
        assertThat(r.text()).contains(url).contains("10 minutes");
        return url.substring((URL + Dashboard.SIGN_IN_PATH).length());
    }

    WebSessions sessions() {
        return bot.bot().dashboard().sessions();
    }

    @Test
    void aLinkSignsInOnceAndTheSessionLastsEightHours() {
        String token = token("alice");
        WebSessions.Opened opened = sessions().redeem(token).orElseThrow();
        assertThat(opened.session().user()).isEqualTo(UserId.console("alice"));
        assertThat(opened.session().admin()).isFalse();
        assertThat(opened.sessionId()).isNotEqualTo(token).matches("[0-9a-f]{32}");
        assertThat(sessions().redeem(token)).as("a used link").isEmpty();
        assertThat(sessions().find(opened.sessionId())).isPresent();
        clock.set(T0.plus(Duration.ofHours(8)).minusSeconds(1));
        assertThat(sessions().find(opened.sessionId())).isPresent();
        clock.set(T0.plus(Duration.ofHours(8)));
        assertThat(sessions().find(opened.sessionId())).as("after 8 hours").isEmpty();
    }

    @Test
    void linksExpireAfterTenMinutesAndTheStoreKeepsNoSecret() {
        String token = token("admin");
        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertThat(sessions().redeem(token)).isEmpty();
        String fresh = token("admin");
        WebSessions.Opened opened = sessions().redeem(fresh).orElseThrow();
        assertThat(opened.session().admin()).as("console:admin is an admin in chat").isTrue();
        assertThat(db.count("SELECT COUNT(*) FROM dashboard_links WHERE token_hash IN (?, ?)", token, fresh)).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM dashboard_sessions WHERE session_hash = ?", opened.sessionId())).isZero();
        assertThat(sessions().redeem("not-a-token")).isEmpty();
        assertThat(sessions().find("../../etc")).isEmpty();
    }

    @Test
    void leavingTheWorkspaceClosesTheSessionsAndVoidsUnusedLinks() {
        String open = token("slack:T1:U1");
        String unused = token("slack:T1:U1");
        String other = token("slack:T1:U2");
        String elsewhere = token("slack:T2:U3");
        String session = sessions().redeem(open).orElseThrow().sessionId();
        String otherSession = sessions().redeem(other).orElseThrow().sessionId();
        String elsewhereSession = sessions().redeem(elsewhere).orElseThrow().sessionId();
        bot.bot().handle(new Inbound.MemberLeftWorkspace(UserId.parse("slack:T1:U1"), T0));
        assertThat(sessions().find(session)).isEmpty();
        assertThat(sessions().redeem(unused)).isEmpty();
        assertThat(sessions().find(otherSession)).isPresent();
        bot.bot().handle(new Inbound.WorkspaceRemoved(Platform.SLACK, "T1", T0));
        assertThat(sessions().find(otherSession)).isEmpty();
        assertThat(sessions().find(elsewhereSession)).as("another workspace").isPresent();
    }

    @Test
    void signingOutEndsTheSession() {
        String session = sessions().redeem(token("bob")).orElseThrow().sessionId();
        sessions().signOut(session);
        assertThat(sessions().find(session)).isEmpty();
    }

    @Test
    void withoutAPublicAddressTheBotSaysWhatIsMissing() {
        BotDriver bare = new BotDriver(db, BotSettings.defaults(), clock, new ChatPorts());
        Reply r = bare.as("alice", "dashboard");
        assertThat(r.ok()).isFalse();
        assertThat(r.text()).contains("http.publicUrl").contains("COPBOT_PUBLIC_URL");
    }
}
