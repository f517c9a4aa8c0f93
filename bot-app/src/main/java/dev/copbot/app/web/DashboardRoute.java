package dev.copbot.app.web;

import dev.copbot.app.http.BotHttpServer;
import dev.copbot.app.http.HttpRequest;
import dev.copbot.app.http.HttpResponse;
import dev.copbot.app.web.Views.Frame;
import dev.copbot.app.web.Views.Viewer;
import dev.copbot.core.CopBot;
import dev.copbot.core.dashboard.WebSession;
import dev.copbot.core.dashboard.WebSessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard under {@code /dashboard/}: sign-in pages open to all, every other page only with a live session, and
 * every form checked for its session's CSRF token and our own origin. A person sees exactly what chat would show
 * them: the pages ask the core's {@code Privacy} and read only channels they may read.
 */
public final class DashboardRoute implements BotHttpServer.Handler {
    public static final String PREFIX = "/dashboard";
    private static final Logger log = LoggerFactory.getLogger(DashboardRoute.class);

    private final WebSessions sessions;
    private final Templates templates = new Templates();
    private final WebCookies cookies;
    private final SignIn signIn;
    private final Pages pages;
    private final byte[] css;

    public DashboardRoute(CopBot bot, Optional<String> publicUrl) {
        this.sessions = bot.dashboard().sessions();
        this.cookies = new WebCookies(publicUrl.map(u -> u.startsWith("https:")).orElse(false));
        this.signIn = new SignIn(sessions, cookies, templates, new SignInLimiter());
        this.pages = new Pages(bot, publicUrl, templates);
        this.css = resource("/dashboard/dashboard.css");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        try {
            return route(request);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("dashboard {} {} failed (reference {})", request.method(), request.path(), reference, e);
            return WebResponses.html(500, templates.render("message", Map.of("frame", new Frame("Error", "", null),
                    "heading", "Something went wrong on our side", "text", "Try again, or give an admin the reference "
                            + reference + ".")));
        }
    }

    private HttpResponse route(HttpRequest request) {
        String path = request.path();
        boolean get = request.method().equals("GET") || request.method().equals("HEAD");
        boolean post = request.method().equals("POST");
        if (path.equals(PREFIX)) {
            return WebResponses.redirect(PREFIX + "/", Map.of());
        }
        if (path.equals(PREFIX + "/static/dashboard.css") && get) {
            return WebResponses.css(css);
        }
        if (path.equals(SignIn.PATH) || path.startsWith(SignIn.PATH + "/")) {
            return signIn.handle(request, get, post);
        }
        Optional<String> sessionId = cookies.sessionId(request);
        Optional<WebSession> session = sessionId.flatMap(sessions::find);
        if (session.isEmpty()) {
            return WebResponses.redirect(SignIn.PATH, Map.of());
        }
        WebSession s = session.get();
        FormData form = post ? FormData.parse(request.bodyText()) : FormData.parse(request.query());
        if (post && !(Origins.sameOrigin(request) && WebSessions.csrfMatches(s, form.getOr("csrf", "")))) {
            return pages.message(403, s, "This form has expired", "Reload the page and try again.");
        }
        if (path.equals(PREFIX + "/sign-out") && post) {
            sessions.signOut(sessionId.get());
            return WebResponses.redirect(SignIn.PATH + "?signed-out", Map.of("Set-Cookie", cookies.clear(request)));
        }
        if (!get && !(post && path.equals(PREFIX + "/me"))) {
            return pages.message(405, s, "Not here", "This address only shows a page.");
        }
        if (path.equals(PREFIX + "/")) {
            return pages.communities(s, form);
        }
        if (path.startsWith(PREFIX + "/communities/")) {
            // The server hands over the path already %-decoded: decoding again would misread a '+' or '%'.
            return pages.community(s, path.substring((PREFIX + "/communities/").length()));
        }
        return pages.other(path, s, form, post);
    }

    static Viewer viewer(WebSession s) {
        return new Viewer(s.displayName(), s.admin(), s.csrfToken());
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardRoute.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
