package dev.copbot.app.web;

import dev.copbot.app.http.HttpRequest;
import dev.copbot.app.http.HttpResponse;
import dev.copbot.app.web.Views.Frame;
import dev.copbot.core.dashboard.WebSessions;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in with the link {@code /cop dashboard} gave. Opening the link shows one button that posts it: a link
 * checker or chat preview that fetches the address (they do GET, never POST) cannot use up the one-time link before its
 * owner does. The POST is rate-limited, must come from this site, and opens a brand-new session (any session the
 * browser had is closed), so nobody can plant a session id in someone's browser.
 */
final class SignIn {
    static final String PATH = DashboardRoute.PREFIX + "/sign-in";

    private final WebSessions sessions;
    private final WebCookies cookies;
    private final Templates templates;
    private final SignInLimiter limiter;

    SignIn(WebSessions sessions, WebCookies cookies, Templates templates, SignInLimiter limiter) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.templates = templates;
        this.limiter = limiter;
    }

    HttpResponse handle(HttpRequest request, boolean get, boolean post) {
        String path = request.path();
        if (path.equals(PATH) && get) {
            boolean out = request.query() != null && request.query().contains("signed-out");
            return ask(200, out ? "You are signed out." : "");
        }
        if (path.equals(PATH) && post) {
            return redeem(request);
        }
        if (get) {
            String token = path.substring(PATH.length() + 1);
            if (!token.matches("[0-9a-f]{32}")) {
                return ask(404, "That is not a sign-in link. Copy the whole link the bot gave you, or ask for a new one.");
            }
            return WebResponses.html(200, templates.render("sign-in-confirm", Map.of("frame", frame(), "token", token)));
        }
        return ask(405, "Open the link the bot gave you, then continue.");
    }

    private HttpResponse redeem(HttpRequest request) {
        String client = request.remote() + "|" + request.header("x-forwarded-for").orElse("");
        if (!limiter.tryAcquire(client)) {
            return WebResponses.html(429, page("Too many sign-in attempts from here. Wait a minute, then use your link "
                    + "again."), Map.of("Retry-After", "60"));
        }
        if (!Origins.sameOrigin(request)) {
            return ask(403, "That sign-in did not come from this site. Open the link the bot gave you.");
        }
        Optional<WebSessions.Opened> opened = sessions.redeem(FormData.parse(request.bodyText()).getOr("token", ""));
        if (opened.isEmpty()) {
            return ask(403, "This sign-in link has expired or was already used: each link works once, within "
                    + WebSessions.LINK_VALID.toMinutes() + " minutes. Ask the bot for a new one with /cop dashboard.");
        }
        cookies.sessionId(request).ifPresent(sessions::signOut);
        return WebResponses.redirect(DashboardRoute.PREFIX + "/",
                Map.of("Set-Cookie", cookies.open(opened.get().sessionId(), request)));
    }

    private HttpResponse ask(int status, String notice) {
        return WebResponses.html(status, page(notice));
    }

    private String page(String notice) {
        return templates.render("sign-in", Map.of("frame", frame(), "notice", notice));
    }

    private static Frame frame() {
        return new Frame("Sign in", "sign-in", null);
    }
}
