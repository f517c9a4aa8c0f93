package dev.copbot.app.web;

import static dev.copbot.app.web.WebClient.csrf;
import static dev.copbot.app.web.WebClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.UserId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every access rule of the dashboard over plain HTTP: sign-in, sessions, private communities, admins, forms. */
class DashboardHttpTest {
    @TempDir
    Path dir;
    DashboardFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new DashboardFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    WebClient signedIn(String user) throws Exception {
        WebClient c = new WebClient(fx.base);
        HttpResponse<String> r = c.signIn(fx.link(user));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/dashboard/");
        return c;
    }

    @Test
    void aLinkOpensOneFreshSessionWithAGuardedCookieAndOnlyOnce() throws Exception {
        String link = fx.link("bob");
        WebClient c = new WebClient(fx.base);
        HttpResponse<String> confirm = c.get(link);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Continue to the dashboard");
        HttpResponse<String> again = c.get(link);
        assertThat(again.statusCode()).as("opening the link does not use it up").isEqualTo(200);
        HttpResponse<String> in = c.post("/dashboard/sign-in", form("token", link.substring(link.lastIndexOf('/') + 1)));
        assertThat(in.statusCode()).isEqualTo(303);
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("copbot_session=").contains("HttpOnly", "SameSite=Lax", "Path=/dashboard",
                "Max-Age=28800").doesNotContain("Secure").doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        assertThat(c.get("/dashboard/").body()).contains("kafka");
        WebClient other = new WebClient(fx.base);
        HttpResponse<String> reused = other.signIn(link);
        assertThat(reused.statusCode()).isEqualTo(403);
        assertThat(reused.body()).contains("expired or was already used", "/cop dashboard");
        assertThat(other.cookie).isEmpty();
    }

    @Test
    void behindHttpsTheCookieIsSecure() throws Exception {
        String link = fx.link("bob");
        WebClient c = new WebClient(fx.base);
        HttpResponse<String> in = c.post("/dashboard/sign-in", form("token", link.substring(link.lastIndexOf('/') + 1)),
                "X-Forwarded-Proto", "https");
        assertThat(in.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    @Test
    void withoutASessionEveryPageSendsToTheAskTheBotPage() throws Exception {
        WebClient c = new WebClient(fx.base);
        for (String path : List.of("/dashboard/", "/dashboard/communities/kafka", "/dashboard/audit",
                "/dashboard/search?q=lag", "/dashboard/me")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(path).hasValue("/dashboard/sign-in");
        }
        c.cookie = "copbot_session=00000000000000000000000000000000";
        assertThat(c.get("/dashboard/").statusCode()).as("an unknown session").isEqualTo(303);
        HttpResponse<String> ask = c.get("/dashboard/sign-in");
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("/cop dashboard");
        assertThat(c.get("/dashboard/sign-in/nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void linksExpireAfterTenMinutesAndSessionsAfterEightHours() throws Exception {
        String late = fx.link("bob");
        WebClient c = signedIn("bob");
        fx.clock.set(fx.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(new WebClient(fx.base).signIn(late).statusCode()).isEqualTo(403);
        assertThat(c.get("/dashboard/").statusCode()).isEqualTo(200);
        fx.clock.set(fx.clock.instant().plus(Duration.ofHours(8)));
        assertThat(c.get("/dashboard/").statusCode()).isEqualTo(303);
    }

    @Test
    void anotherPersonsPrivateCommunityIsNowhereToBeSeen() throws Exception {
        WebClient bob = signedIn("bob");
        assertThat(bob.get("/dashboard/").body()).contains("kafka").doesNotContain("secret-club", "Erin");
        HttpResponse<String> hidden = bob.get("/dashboard/communities/secret-club");
        HttpResponse<String> missing = bob.get("/dashboard/communities/no-such-thing");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body().replace("secret-club", "X")).isEqualTo(missing.body().replace("no-such-thing", "X"));
        assertThat(bob.get("/dashboard/communities/kafka%2Bx").statusCode()).as("decoded once: kafka+x").isEqualTo(404);
        assertThat(bob.get("/dashboard/search?q=roadmap").body()).doesNotContain("secret roadmap");
        assertThat(bob.get("/dashboard/search?q=roadmap").body()).doesNotContain("<option value=\"secret-club\"");
        WebClient erin = signedIn("erin");
        assertThat(erin.get("/dashboard/").body()).contains("secret-club");
        assertThat(erin.get("/dashboard/communities/secret-club").body()).contains("Erin's private circle", "#secret");
        assertThat(erin.get("/dashboard/search?q=roadmap").body()).contains("secret roadmap");
    }

    @Test
    void theAuditIsForAdminsAndMonthlyHealthForLeaders() throws Exception {
        WebClient bob = signedIn("bob");
        assertThat(bob.get("/dashboard/audit").statusCode()).isEqualTo(403);
        assertThat(bob.get("/dashboard/").body()).doesNotContain("href=\"/dashboard/audit\"");
        assertThat(bob.get("/dashboard/communities/kafka").body()).contains("Charter", "Kafka clinic")
                .as("how to answer an event from the page: the command, in chat")
                .contains("going; to join, type <code>/cop rsvp ", " going</code> in chat)")
                .doesNotContain("The last 12 months");
        WebClient admin = signedIn("admin");
        assertThat(admin.get("/dashboard/audit").body()).contains("All communities by activity", "kafka")
                .as("the admin may not read #secret: as in chat's audit").doesNotContain("secret-club");
        assertThat(fx.ok("admin", "audit").text()).doesNotContain("secret-club");
        assertThat(signedIn("alice").get("/dashboard/communities/kafka").body()).contains("The last 12 months", "<svg");
    }

    @Test
    void formsNeedTheSessionsTokenAndThisSite() throws Exception {
        WebClient bob = signedIn("bob");
        String token = csrf(bob.get("/dashboard/me").body());
        assertThat(bob.post("/dashboard/me", form("action", "skill-add", "skill", "kafka")).statusCode()).isEqualTo(403);
        assertThat(bob.post("/dashboard/me", form("csrf", "0".repeat(32), "action", "skill-add", "skill", "kafka"))
                .statusCode()).isEqualTo(403);
        assertThat(bob.post("/dashboard/me", form("csrf", token, "action", "skill-add", "skill", "kafka"),
                "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        HttpResponse<String> ok = bob.post("/dashboard/me", form("csrf", token, "action", "skill-add", "skill", "kafka"));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(bob.get(ok.headers().firstValue("Location").orElseThrow()).body()).contains("kafka", "class=\"ok\"");
        HttpResponse<String> bad = bob.post("/dashboard/me", form("csrf", token, "action", "away", "until", "someday"));
        assertThat(bob.get(bad.headers().firstValue("Location").orElseThrow()).body()).contains("class=\"notice\"");
        assertThat(fx.ok("bob", "skills list").text()).contains("kafka");
    }

    @Test
    void leavingTheWorkspaceOrSigningOutEndsTheSession() throws Exception {
        WebClient bob = signedIn("bob");
        WebClient alice = signedIn("alice");
        fx.bot.handle(new Inbound.MemberLeftWorkspace(UserId.console("bob"), fx.clock.instant()));
        assertThat(bob.get("/dashboard/").statusCode()).isEqualTo(303);
        String token = csrf(alice.get("/dashboard/").body());
        HttpResponse<String> out = alice.post("/dashboard/sign-out", form("csrf", token));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        alice.cookie = "copbot_session=" + "x".repeat(0);
        assertThat(alice.get("/dashboard/").statusCode()).isEqualTo(303);
    }

    @Test
    void theCsvHasHealthsNumbersForWhatTheViewerMaySee() throws Exception {
        HttpResponse<String> csv = signedIn("alice").get("/dashboard/communities.csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).startsWith("attachment; filename=\"communities-"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(CsvExport.HEADER);
        assertThat(lines).hasSize(2).noneMatch(l -> l.startsWith("secret-club"));
        java.util.Map<?, ?> health = (java.util.Map<?, ?>) fx.ok("alice", "health kafka").data().get("health");
        String[] kafka = lines.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertThat(kafka[0]).isEqualTo("kafka");
        assertThat(kafka[3]).isEqualTo(health.get("members").toString());
        assertThat(kafka[4]).isEqualTo(health.get("active").toString());
        assertThat(kafka[9]).isEqualTo(health.get("answerRate").toString());
        assertThat(kafka[10]).isEqualTo(health.get("medianFirstAnswerMinutes").toString());
        assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvExport.cell("-0.5")).isEqualTo("-0.5");
    }

    @Test
    void signInIsRateLimited() throws Exception {
        WebClient c = new WebClient(fx.base);
        int limited = 0;
        for (int i = 0; i < SignInLimiter.PER_MINUTE + 2; i++) {
            limited += c.post("/dashboard/sign-in", form("token", "f".repeat(32))).statusCode() == 429 ? 1 : 0;
        }
        assertThat(limited).isEqualTo(2);
    }

    @Test
    void everyPageIsGuardedAndCarriesNoScript() throws Exception {
        WebClient admin = signedIn("admin");
        for (String path : List.of("/dashboard/", "/dashboard/communities/kafka", "/dashboard/audit",
                "/dashboard/search?q=consumer+lag", "/dashboard/me", "/dashboard/sign-in", "/dashboard/nowhere")) {
            HttpResponse<String> r = admin.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe"));
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.body()).as(path).doesNotContain("<script", "onclick", "style=\"").contains("<html lang=\"en\"");
        }
        assertThat(admin.get("/dashboard/search?q=consumer+lag").body()).contains("Consumer lag after every deploy");
        assertThat(admin.get("/dashboard/static/dashboard.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    }
}
