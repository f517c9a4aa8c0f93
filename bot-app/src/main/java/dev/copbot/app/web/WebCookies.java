package dev.copbot.app.web;

import dev.copbot.app.http.HttpRequest;
import dev.copbot.core.dashboard.WebSessions;
import java.util.Optional;

/**
 * The session cookie: HttpOnly (no script may read it, and we serve none), SameSite=Lax (other sites' forms do not
 * carry it), scoped to the dashboard's path, Secure when the bot is reached over HTTPS, and gone after the session's
 * 8 hours.
 */
final class WebCookies {
    static final String NAME = "copbot_session";

    private final boolean secureByAddress;

    /** {@code secureByAddress}: the public address is https, so the cookie must never travel in clear. */
    WebCookies(boolean secureByAddress) {
        this.secureByAddress = secureByAddress;
    }

    Optional<String> sessionId(HttpRequest request) {
        for (String header : request.headers().getOrDefault("cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(NAME + "=")) {
                    return Optional.of(p.substring(NAME.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    String open(String sessionId, HttpRequest request) {
        return NAME + "=" + sessionId + "; Path=/dashboard; Max-Age=" + WebSessions.SESSION_VALID.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure(request) ? "; Secure" : "");
    }

    String clear(HttpRequest request) {
        return NAME + "=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Lax" + (secure(request) ? "; Secure" : "");
    }

    /** Behind a TLS-terminating proxy the bot sees http; the proxy says what the browser used. */
    private boolean secure(HttpRequest request) {
        return secureByAddress || request.header("x-forwarded-proto").map("https"::equalsIgnoreCase).orElse(false);
    }
}
